import { describe, expect, it } from 'vitest';
import { pathIsSecrets, redactSecrets } from './redact-secrets.js';

const secret = {
  kind: 'Secret',
  metadata: {
    name: 's',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"p":"c2VjcmV0"}}',
    },
  },
  data: { password: 'c2VjcmV0' },
  stringData: { token: 'plain' },
};

describe('redactSecrets', () => {
  it('hides the values of a Secret, keeps its keys, and hides the last-applied copy', () => {
    const out = JSON.stringify(redactSecrets(secret));
    expect(out).not.toContain('c2VjcmV0');
    expect(out).not.toContain('plain');
    expect(out).toContain('password');
  });

  it('hides values in a SecretList whose items carry no kind', () => {
    const list = {
      kind: 'SecretList',
      items: [{ metadata: { name: 'a' }, data: { k: 'dmFsdWU=' } }],
    };
    expect(JSON.stringify(redactSecrets(list))).not.toContain('dmFsdWU=');
  });

  it('hides Secret values inside a mixed List and leaves other objects alone', () => {
    const list = { kind: 'List', items: [secret, { kind: 'ConfigMap', data: { a: 'visible' } }] };
    const out = JSON.stringify(redactSecrets(list));
    expect(out).not.toContain('c2VjcmV0');
    expect(out).toContain('visible');
  });

  it('treats kind-less objects from a /secrets path as Secrets', () => {
    expect(pathIsSecrets('/api/v1/namespaces/x/secrets')).toBe(true);
    expect(pathIsSecrets('/api/v1/namespaces/x/configmaps')).toBe(false);
    const out = JSON.stringify(
      redactSecrets({ metadata: { name: 'a' }, data: { k: 'eA==' } }, true),
    );
    expect(out).not.toContain('eA==');
  });
});
