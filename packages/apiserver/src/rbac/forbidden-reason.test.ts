import { describe, expect, it } from 'vitest';
import { forbiddenReason } from './forbidden-reason.js';
import { user } from './testing/fixtures.js';

describe('forbiddenReason (the 403 message Kubernetes writes)', () => {
  it('names verb, resource, group and namespace', () => {
    expect(
      forbiddenReason(user('bob'), {
        kind: 'resource',
        verb: 'get',
        apiGroup: 'rbac.authorization.k8s.io',
        resource: 'roles',
        namespace: 'ns',
        name: 'r',
      }),
    ).toBe(
      'User "bob" cannot get resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "ns"',
    );
  });

  it('says "at the cluster scope" without a namespace, with the core group as ""', () => {
    expect(
      forbiddenReason(user('bob'), {
        kind: 'resource',
        verb: 'list',
        apiGroup: '',
        resource: 'namespaces',
      }),
    ).toBe('User "bob" cannot list resource "namespaces" in API group "" at the cluster scope');
  });

  it('joins a subresource to its resource', () => {
    expect(
      forbiddenReason(user('ci'), {
        kind: 'resource',
        verb: 'patch',
        apiGroup: 'kargo.akuity.io',
        resource: 'freights',
        subresource: 'status',
        namespace: 'p',
      }),
    ).toBe(
      'User "ci" cannot patch resource "freights/status" in API group "kargo.akuity.io" in the namespace "p"',
    );
  });

  it('names the path of a non-resource request', () => {
    expect(forbiddenReason(user('x'), { kind: 'nonResource', verb: 'get', path: '/metrics' })).toBe(
      'User "x" cannot get path "/metrics"',
    );
  });

  it('uses the ServiceAccount username as is', () => {
    expect(
      forbiddenReason(
        { username: 'system:serviceaccount:p:ci', groups: [] },
        { kind: 'nonResource', verb: 'get', path: '/' },
      ),
    ).toBe('User "system:serviceaccount:p:ci" cannot get path "/"');
  });
});
