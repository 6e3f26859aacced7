// Aggregated discovery (apidiscovery.k8s.io/v2): every group, version and resource in one
// document at /api (core) and /apis (named groups), for clients that ask for it (kubectl does).
import type { Catalog } from '../registry/catalog.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { JsonObject } from '../util/kobj.js';

export const AGGREGATED_CONTENT_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
  const first = (accept ?? '').split(',')[0] ?? '';
  return (
    /as=APIGroupDiscoveryList/.test(first) &&
    /g=apidiscovery\.k8s\.io/.test(first) &&
    /v=v2(;|$)/.test(first)
  );
}

function resource(d: ResourceDef, version: string): JsonObject {
  const kind = (k: string, g = d.group, v = version) => ({ group: g, version: v, kind: k });
  const subresources: JsonObject[] = [];
  if (d.statusSubresource)
    subresources.push({
      subresource: 'status',
      responseKind: kind(d.kind),
      verbs: ['get', 'patch', 'update'],
    });
  if (d.resource === 'serviceaccounts' && !d.group)
    subresources.push({
      subresource: 'token',
      responseKind: kind('TokenRequest', 'authentication.k8s.io', 'v1'),
      verbs: ['create'],
    });
  if (d.resource === 'namespaces' && !d.group)
    subresources.push({
      subresource: 'finalize',
      responseKind: kind('Namespace'),
      verbs: ['update'],
    });
  return {
    resource: d.resource,
    responseKind: kind(d.kind),
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: d.verbs,
    ...(d.shortNames.length ? { shortNames: d.shortNames } : {}),
    ...(d.categories.length ? { categories: d.categories } : {}),
    ...(subresources.length ? { subresources } : {}),
  };
}

export function aggregatedDiscovery(catalog: Catalog, core: boolean): JsonObject {
  const items: JsonObject[] = [];
  for (const [group, versions] of catalog.groups()) {
    if ((group === '') !== core) continue;
    items.push({
      metadata: group ? { name: group } : {},
      versions: versions.map((v) => ({
        version: v,
        resources: catalog
          .all()
          .filter((d) => d.group === group && d.versions.includes(v))
          .map((d) => resource(d, v)),
        freshness: 'Current',
      })),
    });
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items,
  };
}
