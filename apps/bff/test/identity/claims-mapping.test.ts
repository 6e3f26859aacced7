import type { V1ServiceAccount } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { mapClaimsToRoles } from '../../src/identity/claims-mapping.js';

const sa = (
  namespace: string,
  name: string,
  annotations: Record<string, string>,
): V1ServiceAccount => ({
  metadata: { namespace, name, annotations },
});

const accounts = [
  sa('demo', 'kargo-admin', {
    'rbac.kargo.akuity.io/claims': '{"email":["ann@x.io"],"groups":"admins"}',
  }),
  sa('demo', 'kargo-viewer', { 'rbac.kargo.akuity.io/claim.groups': 'devs, viewers' }),
  sa('demo', 'both-forms', {
    'rbac.kargo.akuity.io/claims': '{"email":"bob@x.io"}',
    'rbac.kargo.akuity.io/claim.groups': 'ops',
  }),
  sa('demo', 'broken-json', {
    'rbac.kargo.akuity.io/claims': '{not json',
    'rbac.kargo.akuity.io/claim.email': 'bob@x.io',
  }),
  sa('kube-system', 'outsider', { 'rbac.kargo.akuity.io/claims': '{"email":["ann@x.io"]}' }),
  sa('kargo', 'global-reader', { 'rbac.kargo.akuity.io/claims': '{"groups":["devs"]}' }),
];
const eligible = new Set(['demo', 'kargo']);
const names = (claims: Record<string, string | string[]>) =>
  mapClaimsToRoles(accounts, eligible, claims).map((r) => `${r.project}/${r.name}`);

describe('OIDC claims map to Kargo roles as Kargo maps them', () => {
  it('matches a JSON array value and a single-string JSON value', () => {
    expect(names({ email: 'ann@x.io' })).toEqual(['demo/kargo-admin']);
    expect(names({ groups: ['admins'] })).toEqual(['demo/kargo-admin']);
  });

  it('matches legacy comma-separated values, trimmed', () => {
    expect(names({ groups: ['viewers'] })).toEqual(['demo/kargo-viewer']);
  });

  it('unites the JSON and legacy forms on one ServiceAccount, and ignores unparseable JSON but not its legacy annotations', () => {
    expect(names({ groups: ['ops'] })).toEqual(['demo/both-forms']);
    expect(names({ email: 'bob@x.io' })).toEqual(['demo/both-forms', 'demo/broken-json']);
  });

  it('counts only project namespaces and the global namespaces', () => {
    expect(names({ email: 'ann@x.io', groups: ['devs'] })).toEqual([
      'demo/kargo-admin',
      'demo/kargo-viewer',
      'kargo/global-reader',
    ]);
  });

  it('reports which claims matched, and maps a stranger to nothing', () => {
    const [role] = mapClaimsToRoles(accounts, eligible, {
      email: 'ann@x.io',
      groups: ['admins', 'x'],
    });
    expect(role?.matchedClaims).toEqual({ email: ['ann@x.io'], groups: ['admins'] });
    expect(role?.serviceAccount).toBe('system:serviceaccount:demo:kargo-admin');
    expect(names({ email: 'eve@x.io', groups: ['nobody'] })).toEqual([]);
  });

  it('is case-sensitive, like an exact string comparison', () => {
    expect(names({ email: 'ANN@x.io' })).toEqual([]);
  });
});
