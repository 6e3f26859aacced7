// Legacy (unaggregated) discovery documents: /api, /api/v1, /apis, /apis/<g>, /apis/<g>/<v>.
import type { Catalog } from '../registry/catalog.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { JsonObject } from '../util/kobj.js';

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-wharf',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function groupJson(name: string, versions: string[]): JsonObject {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiVersions(serverAddress: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(catalog: Catalog): JsonObject {
  const groups = [...catalog.groups()].filter(([g]) => g !== '').map(([g, vs]) => groupJson(g, vs));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(catalog: Catalog, group: string): JsonObject | undefined {
  const vs = catalog.groups().get(group);
  return vs && group ? { kind: 'APIGroup', apiVersion: 'v1', ...groupJson(group, vs) } : undefined;
}

function resourceEntries(d: ResourceDef): JsonObject[] {
  const main: JsonObject = {
    name: d.resource,
    singularName: d.singular,
    namespaced: d.namespaced,
    kind: d.kind,
    verbs: d.verbs,
    ...(d.shortNames.length ? { shortNames: d.shortNames } : {}),
    ...(d.categories.length ? { categories: d.categories } : {}),
  };
  const out = [main];
  if (d.statusSubresource)
    out.push({
      name: `${d.resource}/status`,
      singularName: '',
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: ['get', 'patch', 'update'],
    });
  if (d.resource === 'serviceaccounts' && !d.group)
    out.push({
      name: 'serviceaccounts/token',
      singularName: '',
      namespaced: true,
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
      verbs: ['create'],
    });
  if (d.resource === 'namespaces' && !d.group)
    out.push({
      name: 'namespaces/finalize',
      singularName: '',
      namespaced: false,
      kind: 'Namespace',
      verbs: ['update'],
    });
  return out;
}

export function apiResourceList(
  catalog: Catalog,
  group: string,
  version: string,
): JsonObject | undefined {
  const defs = catalog.all().filter((d) => d.group === group && d.versions.includes(version));
  if (!defs.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: defs.flatMap(resourceEntries),
  };
}
