// Serves CustomResourceDefinitions: each stored CRD becomes a served resource (synchronously, so
// a create right after the CRD's create works), gets its Established status, and deleting a CRD
// deletes its objects.
import { compileSchema } from '../crd-schema/index.js';
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { updateObject } from '../objects/update.js';
import type { PrinterColumn, ResourceDef } from '../registry/resource-def.js';
import { CRUD_VERBS, gr } from '../registry/resource-def.js';
import { ageOf } from '../table/age.js';
import { clone, deepEqual, isObject, type JsonObject, type KObj } from '../util/kobj.js';
import type { WorkQueue } from './queue.js';
import { now } from '../objects/meta.js';

const CRD_GR = 'customresourcedefinitions.apiextensions.k8s.io';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JsonObject };
  subresources?: { status?: unknown };
  additionalPrinterColumns?: {
    name: string;
    type: string;
    jsonPath: string;
    description?: string;
    priority?: number;
    format?: string;
  }[];
}

export function defFromCrd(crd: KObj): ResourceDef | undefined {
  const spec = isObject(crd.spec) ? crd.spec : undefined;
  const names = spec && isObject(spec.names) ? spec.names : undefined;
  if (!spec || !names) return undefined;
  const versions = (Array.isArray(spec.versions) ? spec.versions : []).filter(
    isObject,
  ) as unknown as CrdVersion[];
  const served = versions.filter((v) => v.served !== false);
  const storage = served.find((v) => v.storage) ?? served[0];
  if (!storage) return undefined;
  const ordered = [storage, ...served.filter((v) => v !== storage)];
  const schemas = new Map<string, ReturnType<typeof compileSchema>>();
  const openapi = new Map<string, JsonObject>();
  for (const v of ordered) {
    const s = v.schema?.openAPIV3Schema;
    if (s) {
      schemas.set(v.name, compileSchema(s));
      openapi.set(v.name, s);
    }
  }
  const columns: PrinterColumn[] = [
    {
      name: 'Name',
      type: 'string',
      format: 'name',
      description: 'Name must be unique within a namespace.',
      cell: (o) => o.metadata.name ?? '',
    },
  ];
  const printer = storage.additionalPrinterColumns;
  if (printer?.length) {
    for (const c of printer)
      columns.push({
        name: c.name,
        type: c.type,
        jsonPath: c.jsonPath,
        ...(c.format ? { format: c.format } : {}),
        ...(c.description ? { description: c.description } : {}),
        ...(c.priority ? { priority: c.priority } : {}),
      });
  } else {
    columns.push({ name: 'Age', type: 'date', cell: (o) => ageOf(o.metadata.creationTimestamp) });
  }
  const kind = String(names.kind);
  return {
    group: String(spec.group),
    version: storage.name,
    versions: ordered.map((v) => v.name),
    resource: String(names.plural),
    singular: String(names.singular ?? kind.toLowerCase()),
    kind,
    listKind: String(names.listKind ?? `${kind}List`),
    namespaced: spec.scope !== 'Cluster',
    shortNames: strings(names.shortNames),
    categories: strings(names.categories),
    verbs: CRUD_VERBS,
    statusSubresource: !!storage.subresources?.status,
    generation: true,
    strategicMerge: false,
    columns,
    schemas,
    openapi,
  };
}

function establishedStatus(crd: KObj, old: unknown): JsonObject {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const prev =
    isObject(old) && Array.isArray(old.conditions) ? old.conditions.filter(isObject) : [];
  const cond = (type: string, reason: string, message: string) => {
    const p = prev.find((c) => c.type === type && c.status === 'True');
    return {
      type,
      status: 'True',
      lastTransitionTime: (p?.lastTransitionTime as string | undefined) ?? now(),
      reason,
      message,
    };
  };
  const versions = (Array.isArray(spec.versions) ? spec.versions : []).filter(isObject);
  const storage = versions.find((v) => v.storage === true) ?? versions[0];
  return {
    conditions: [
      cond('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      cond('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    acceptedNames: spec.names ?? {},
    storedVersions: storage ? [String(storage.name)] : [],
  };
}

export function startCrdController(ctx: Ctx, queue: WorkQueue): void {
  const served = new Map<string, string>();
  const register = (crd: KObj) => {
    const def = defFromCrd(crd);
    if (!def) return;
    const prev = served.get(crd.metadata.name ?? '');
    if (prev && prev !== gr(def)) ctx.catalog.remove(prev);
    served.set(crd.metadata.name ?? '', gr(def));
    ctx.catalog.set(def);
  };
  const markEstablished = (crd: KObj) => {
    const status = establishedStatus(crd, crd.status);
    if (deepEqual(status, crd.status)) return;
    queue.add('crd-status', async () => {
      const cur = ctx.store.get(CRD_GR, '', crd.metadata.name ?? '');
      if (!cur) return;
      const next = clone(cur);
      next.status = establishedStatus(cur, cur.status);
      const def = ctx.catalog.byGroupResource(CRD_GR);
      if (def && !deepEqual(next.status, cur.status))
        await updateObject(
          ctx,
          SYSTEM_CALLER,
          def,
          'v1',
          undefined,
          cur.metadata.name ?? '',
          next,
          { subresource: 'status' },
        );
    });
  };
  for (const crd of ctx.store.list(CRD_GR)) {
    register(crd);
    markEstablished(crd);
  }
  ctx.store.onCommit((e) => {
    if (e.gr !== CRD_GR) return;
    if (e.type === 'DELETED') {
      const key = served.get(e.obj.metadata.name ?? '');
      served.delete(e.obj.metadata.name ?? '');
      if (!key) return;
      ctx.catalog.remove(key);
      queue.add('crd-cleanup', async () => {
        for (const o of ctx.store.list(key)) await ctx.store.remove(key, o);
      });
      return;
    }
    register(e.obj);
    markEstablished(e.obj);
  });
}
