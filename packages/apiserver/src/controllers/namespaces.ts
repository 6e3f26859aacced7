// Namespace lifecycle: every new namespace gets a "default" ServiceAccount; a deleting
// namespace (phase Terminating) has its contents deleted (what a webhook refuses is retried),
// then its "kubernetes" finalizer is removed and it goes away.
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { ApiError } from '../errors/status.js';
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

/**
 * Deletes what the namespace still holds, each object on its own: one refused by an admission
 * webhook (Kargo's refuses in-use Freight until the Stages holding it are gone) doesn't stop the
 * rest. Answers whether anything was refused, so the caller retries as kube's namespace
 * controller does.
 */
async function finishTermination(ctx: Ctx, name: string): Promise<boolean> {
  const ns = ctx.store.get('namespaces', '', name);
  if (!ns?.metadata.deletionTimestamp) return false;
  let refused = false;
  for (const { gr: key, obj } of namespaceContents(ctx, name)) {
    if (obj.metadata.deletionTimestamp) continue;
    const def = ctx.catalog.byGroupResource(key);
    if (!def) continue;
    try {
      await deleteObject(ctx, SYSTEM_CALLER, def, def.version, name, obj.metadata.name ?? '', {
        propagationPolicy: 'Background',
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) continue;
      refused = true;
    }
  }
  if (namespaceContents(ctx, name).length) return refused;
  const cur = ctx.store.get('namespaces', '', name);
  if (!cur || (cur.metadata.finalizers ?? []).length) return false;
  await ctx.store.remove('namespaces', cur);
  return false;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

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
  // A refused deletion is retried with a growing delay until the namespace is gone; any event in
  // the namespace also retries at once.
  const retries = new Map<string, { delay: number; timer?: NodeJS.Timeout }>();
  const check = (name: string): void =>
    queue.add('namespace-terminate', async () => {
      const retry = retries.get(name);
      if (retry?.timer) clearTimeout(retry.timer);
      if (ctx.closing || !(await finishTermination(ctx, name)) || ctx.closing) {
        retries.delete(name);
        return;
      }
      const delay = Math.min((retry?.delay ?? FIRST_RETRY_MS / 2) * 2, LAST_RETRY_MS);
      const timer = setTimeout(() => check(name), delay);
      timer.unref();
      retries.set(name, { delay, timer });
    });
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
