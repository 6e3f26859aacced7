import { describe, expect, it } from 'vitest';
import { accessCheckForPath } from '../../src/identity/path-access-check.js';

describe('a proxied Kubernetes path becomes the access check the API server would make', () => {
  it.each([
    [
      'GET',
      '/api/v1/namespaces/demo/secrets/x',
      '',
      { verb: 'get', group: '', resource: 'secrets', namespace: 'demo', name: 'x' },
    ],
    [
      'GET',
      '/api/v1/namespaces/demo/secrets',
      '',
      { verb: 'list', group: '', resource: 'secrets', namespace: 'demo' },
    ],
    [
      'GET',
      '/apis/kargo.akuity.io/v1alpha1/namespaces/demo/stages',
      '?watch=true',
      { verb: 'watch', group: 'kargo.akuity.io', resource: 'stages', namespace: 'demo' },
    ],
    [
      'GET',
      '/api/v1/namespaces/demo',
      '',
      { verb: 'get', group: '', resource: 'namespaces', name: 'demo' },
    ],
    [
      'GET',
      '/apis/kargo.akuity.io/v1alpha1/projects',
      '',
      { verb: 'list', group: 'kargo.akuity.io', resource: 'projects' },
    ],
    [
      'PATCH',
      '/apis/kargo.akuity.io/v1alpha1/namespaces/demo/freights/f/status',
      '',
      {
        verb: 'patch',
        group: 'kargo.akuity.io',
        resource: 'freights',
        subresource: 'status',
        namespace: 'demo',
        name: 'f',
      },
    ],
    [
      'DELETE',
      '/apis/kargo.akuity.io/v1alpha1/namespaces/demo/freights',
      '',
      {
        verb: 'deletecollection',
        group: 'kargo.akuity.io',
        resource: 'freights',
        namespace: 'demo',
      },
    ],
  ])('%s %s%s', (method, path, query, expected) => {
    expect(accessCheckForPath(method, path, query)).toEqual(expected);
  });

  it('asks nothing for discovery paths', () => {
    expect(accessCheckForPath('GET', '/api')).toBeUndefined();
    expect(accessCheckForPath('GET', '/apis/kargo.akuity.io/v1alpha1')).toBeUndefined();
  });
});
