import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';

describe('the start-up banner', () => {
  it('names the URL, how to sign in and, on the embedded cluster, the kubeconfig for kubectl', () => {
    const text = banner({
      url: 'http://localhost:8080/',
      mode: 'embedded',
      server: 'https://127.0.0.1:6443',
      dataDir: '.wharf',
      kubeconfigPath: '.wharf/kubeconfig',
      adminPasswordConfigured: false,
    });
    expect(text).toContain('http://localhost:8080/');
    expect(text).toContain('.wharf/admin-password.hash');
    expect(text).toContain('KUBECONFIG=.wharf/kubeconfig kubectl get stages -A');
  });

  it('on a real cluster says where the admin password comes from and offers no kubeconfig', () => {
    const text = banner({
      url: 'https://ops.example.com/wharf/',
      mode: 'in-cluster',
      server: 'https://10.0.0.1',
      dataDir: '/var/lib/wharf',
      adminPasswordConfigured: true,
    });
    expect(text).toContain('WHARF_ADMIN_PASSWORD');
    expect(text).not.toContain('kubectl');
  });
});
