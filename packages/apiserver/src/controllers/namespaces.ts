// Namespace lifecycle: every new namespace gets a "default" ServiceAccount; a deleting
// namespace (phase Terminating) has its contents deleted, then its "kubernetes" finalizer is
// removed and it goes away.
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { createObject } from '../objects/create.js';
import { deleteObject } from '../objects/delete.js';
import { gr } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';
import type { WorkQueue } from './queue.js';

export function namespaceContents(ctx: Ctx, ns: string): { gr: string; obj: KObj }[] {
  const out: { gr: string; obj: KObj }[] = [];
  for (const d of ctx.catalog.all()) {
    if (!d.namespaced || d.virtual) continue;
    for (const obj of ctx.store.list(gr(d), ns)) out.push({ gr: gr(d), obj });
  }
  return out;
}

async function finishTermination(ctx: Ctx, name: string): Promise<void> {
  const ns = ctx.store.get('namespaces', '', name);
  if (!ns?.metadata.deletionTimestamp) return;
  const contents = namespaceContents(ctx, name);
  for (const { gr: key, obj } of contents) {
    if (obj.metadata.deletionTimestamp) continue;
    const def = ctx.catalog.byGroupResource(key);
    if (def)
      await deleteObject(ctx, SYSTEM_CALLER, def, def.version, name, obj.metadata.name ?? '', {
        propagationPolicy: 'Background',
      });
  }
  if (namespaceContents(ctx, name).length) return;
  const cur = ctx.store.get('namespaces', '', name);
  if (!cur || (cur.metadata.finalizers ?? []).length) return;
  await ctx.store.remove('namespaces', cur);
}

async function ensureDefaultServiceAccount(ctx: Ctx, ns: string): Promise<void> {
  const nsObj = ctx.store.get('namespaces', '', ns);
  if (!nsObj || nsObj.metadata.deletionTimestamp || ctx.store.get('serviceaccounts', ns, 'default'))
    return;
  const def = ctx.catalog.byGroupResource('serviceaccounts');
  if (def)
    await createObject(ctx, SYSTEM_CALLER, def, 'v1', ns, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default' },
    });
}

export function startNamespaceController(ctx: Ctx, queue: WorkQueue): void {
  const check = (name: string) =>
    queue.add('namespace-terminate', () => finishTermination(ctx, name));
  for (const ns of ctx.store.list('namespaces')) {
    const name = ns.metadata.name ?? '';
    if (ns.metadata.deletionTimestamp) check(name);
    else queue.add('default-sa', () => ensureDefaultServiceAccount(ctx, name));
  }
  ctx.store.onCommit((e) => {
    if (e.gr === 'namespaces') {
      const name = e.obj.metadata.name ?? '';
      if (e.type === 'ADDED') queue.add('default-sa', () => ensureDefaultServiceAccount(ctx, name));
      if (e.type !== 'DELETED' && e.obj.metadata.deletionTimestamp) check(name);
      return;
    }
    const ns = e.obj.metadata.namespace;
    if (!ns) return;
    if (e.type === 'DELETED' && ctx.store.get('namespaces', '', ns)?.metadata.deletionTimestamp)
      check(ns);
    if (e.type === 'DELETED' && e.gr === 'serviceaccounts' && e.obj.metadata.name === 'default')
      queue.add('default-sa', () => ensureDefaultServiceAccount(ctx, ns));
  });
}
