// Kubeconfig documents for this server.
import { stringify } from 'yaml';

export function kubeconfigYaml(
  url: string,
  caPem: string,
  user: { name: string; token: string },
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'wharf',
        cluster: {
          server: url,
          'certificate-authority-data': Buffer.from(caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: user.name, user: { token: user.token } }],
    contexts: [
      { name: 'wharf', context: { cluster: 'wharf', user: user.name, namespace: 'default' } },
    ],
    'current-context': 'wharf',
    preferences: {},
  });
}
