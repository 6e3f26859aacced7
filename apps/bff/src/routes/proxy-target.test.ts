import { describe, expect, it } from 'vitest';
import { proxyTarget } from './proxy-target.js';

const target = (url: string) => proxyTarget(url, 300);

describe('a proxied path is canonicalised and parsed as the API server parses it', () => {
  it.each([
    ['/api/v1/namespaces/demo/secrets/x', 'get', { namespace: 'demo', name: 'x' }],
    ['/api/v1/namespaces/demo/secrets', 'list', { namespace: 'demo' }],
    ['/api/v1/secrets', 'list', {}],
    ['/api/v1/namespaces/demo/secrets?watch=true', 'watch', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/secrets?watch=1', 'watch', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/secrets?watch=T', 'watch', { namespace: 'demo' }],
    ['/api/v1/watch/namespaces/demo/secrets', 'watch', { namespace: 'demo' }],
    ['/api/v1/watch/namespaces/demo/secrets/x', 'watch', { namespace: 'demo', name: 'x' }],
    ['/api/v1/watch/secrets', 'watch', {}],
    ['/api/v1/namespaces/demo/%73ecrets', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/%73%65%63%72%65%74%73/x', 'get', { namespace: 'demo', name: 'x' }],
    ['//api//v1//namespaces/demo//secrets', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/./secrets', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/configmaps/../secrets', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/configmaps/%2e%2e/secrets', 'list', { namespace: 'demo' }],
    [
      '/api/v1/namespaces/demo/configmaps/%2E%2E/secrets/x',
      'get',
      { namespace: 'demo', name: 'x' },
    ],
    ['/api/v1/namespaces/demo/secrets/', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/Secrets', 'list', { namespace: 'demo' }],
    ['/api/v1/namespaces/demo/SECRETS/x', 'get', { namespace: 'demo', name: 'x' }],
  ])('%s is %s of Secrets', (url, verb, where) => {
    const t = target(url);
    expect(t.secrets).toBe(true);
    expect(t.check).toMatchObject({ verb, group: '', ...where });
    expect(t.watch).toBe(verb === 'watch');
  });

  it('sends upstream only the canonical spelling, with a capped watch timeout', () => {
    expect(target('/api/v1/namespaces/demo/%73ecrets?watch=1').upstream).toBe(
      '/api/v1/namespaces/demo/secrets?timeoutSeconds=300&watch=true',
    );
    expect(target('/api/v1/watch/namespaces/demo/secrets/x?timeoutSeconds=9999').upstream).toBe(
      '/api/v1/watch/namespaces/demo/secrets/x?timeoutSeconds=300',
    );
    expect(target('/api/v1/namespaces/demo/secrets?watch=true&timeoutSeconds=5').watchSeconds).toBe(
      5,
    );
    expect(target('/api/v1/namespaces/demo/configmaps/%2e%2e/secrets').upstream).toBe(
      '/api/v1/namespaces/demo/secrets',
    );
  });

  it('treats the Namespace object and its status as namespaces, not as a namespaced resource', () => {
    expect(target('/api/v1/namespaces/demo').check).toEqual({
      verb: 'get',
      group: '',
      resource: 'namespaces',
      name: 'demo',
    });
    expect(target('/api/v1/namespaces/demo/status').check).toMatchObject({
      resource: 'namespaces',
      name: 'demo',
      subresource: 'status',
    });
  });

  it('narrows a list to one name the way RBAC does, for a metadata.name field selector', () => {
    expect(
      target('/api/v1/namespaces/wharf/secrets?fieldSelector=metadata.name%3Dkey').check,
    ).toMatchObject({ verb: 'list', name: 'key' });
  });

  it('serves discovery without an access check and is not Secret data', () => {
    for (const url of ['/api', '/apis', '/api/v1', '/apis/kargo.akuity.io/v1alpha1']) {
      const t = target(url);
      expect(t.info.kind).toBe('discovery');
      expect(t.check).toBeUndefined();
    }
  });

  it('is not Secret data for other kinds and groups', () => {
    expect(target('/api/v1/namespaces/demo/configmaps').secrets).toBe(false);
    expect(target('/apis/kargo.akuity.io/v1alpha1/namespaces/demo/secrets').secrets).toBe(false);
  });

  it.each([
    ['/api/v1/namespaces/demo/secrets%2Fx', 400, /decodes to/],
    ['/api/v1/namespaces/demo/secrets/a%252Fb', 400, /decodes to/],
    ['/api/v1/namespaces/demo\\secrets', 400, /backslash/],
    ['/api/v1/namespaces/demo/secrets/%5C', 400, /decodes to/],
    ['/api/v1/namespaces/demo/secrets/%00', 400, /control/],
    ['/api/v1/namespaces/demo/secrets/%zz', 400, /malformed/],
    ['/../../api/v1/secrets', 400, /above the API root/],
    ['/healthz', 400, /Only Kubernetes API paths/],
    ['/api/v1/namespaces/demo/secrets?pretty=true', 400, /does not pass/],
    ['/api/v1/namespaces/demo/secrets?watch=false&watch=true', 400, /twice/],
    ['/api/v1/namespaces/demo/secrets?watch=maybe', 400, /true or false/],
    ['/api/v1/namespaces/demo/pods/p/log', 403, /subresource "log"/],
    ['/api/v1/namespaces/demo/pods/p/exec', 403, /subresource "exec"/],
    ['/api/v1/namespaces/demo/pods/p/attach', 403, /subresource "attach"/],
    ['/api/v1/namespaces/demo/pods/p/portforward', 403, /subresource "portforward"/],
    ['/api/v1/namespaces/demo/services/s/proxy', 403, /subresource "proxy"/],
    ['/api/v1/namespaces/demo/pods/p/proxy/x/y', 400, /deeper/],
  ])('refuses %s with %i', (url, status, message) => {
    expect(() => target(url)).toThrow(
      expect.objectContaining({ status, message: expect.stringMatching(message) as string }),
    );
  });
});
