import { describe, expect, it } from 'vitest';
import { replicaEnvironment } from './replica.js';

describe('a topology replica’s environment', () => {
  it('keeps only its own Wharf and Kubernetes settings, not those of the runner that starts it', () => {
    const runner = {
      PATH: '/usr/bin',
      HOME: '/home/ci',
      // What the e2e global setup leaves in the runner for its own app.
      WHARF_OIDC_CLIENT_SECRET: 'e2e-client-secret',
      WHARF_OIDC_CLIENT_ID: 'wharf-e2e',
      WHARF_E2E_URL: 'http://127.0.0.1:1234',
      KUBECONFIG: '/elsewhere/kubeconfig',
    };
    const env = replicaEnvironment(runner, {
      WHARF_OIDC_CLIENT_ID: 'wharf',
      KUBECONFIG: '/topology/wharf.kubeconfig',
      PORT: '8080',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ci',
      WHARF_OIDC_CLIENT_ID: 'wharf',
      KUBECONFIG: '/topology/wharf.kubeconfig',
      PORT: '8080',
    });
  });
});
