// Delete: preconditions, admission, then either immediate removal or graceful deletion
// (deletionTimestamp set; finalizers, including foregroundDeletion/orphan, finish it later).
import { mutate, validate } from '../admission/run.js';
import type { Caller, Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { gr, type ResourceDef } from '../registry/resource-def.js';
import { clone, type KObj } from '../util/kobj.js';
import { now } from './meta.js';
import { getOrNotFound } from './update.js';

export type Propagation = 'Foreground' | 'Background' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: Propagation;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  obj: KObj;
  /** False when the object still exists with a deletionTimestamp. */
  deleted: boolean;
}

export async function deleteObject(
  ctx: Ctx,
  caller: Caller,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  name: string,
  opts: DeleteOptions = {},
): Promise<DeleteResult> {
  const old = getOrNotFound(ctx, def, ns, name);
  const pre = opts.preconditions ?? {};
  if (pre.uid && pre.uid !== old.metadata.uid)
    throw errors.conflict(
      def.group,
      def.resource,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`,
    );
  if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion)
    throw errors.conflict(
      def.group,
      def.resource,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`,
    );
  const input = {
    operation: 'DELETE' as const,
    def,
    version,
    caller,
    name,
    oldObject: old,
    ...(ns ? { namespace: ns } : {}),
  };
  await mutate(ctx, input);
  await validate(ctx, input);
  // Re-read after admission (which awaited); nothing below awaits before the store write.
  const latest = getOrNotFound(ctx, def, ns, name);
  return finishDelete(ctx, caller, def, latest, opts);
}

async function finishDelete(
  ctx: Ctx,
  caller: Caller,
  def: ResourceDef,
  old: KObj,
  opts: DeleteOptions,
): Promise<DeleteResult> {
  const isNamespace = def.resource === 'namespaces' && !def.group;
  const finalizers = [...(old.metadata.finalizers ?? [])];
  const policy = opts.propagationPolicy;
  if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
    finalizers.push('foregroundDeletion');
  if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
  if (policy && policy !== 'Orphan') remove(finalizers, 'orphan');
  if (policy && policy !== 'Foreground') remove(finalizers, 'foregroundDeletion');
  if (!finalizers.length && !isNamespace) {
    if (caller.dryRun) return { obj: old, deleted: true };
    return { obj: await ctx.store.remove(gr(def), old), deleted: true };
  }
  if (old.metadata.deletionTimestamp && sameList(finalizers, old.metadata.finalizers ?? []))
    return { obj: old, deleted: false };
  const obj = clone(old);
  obj.metadata.deletionTimestamp ??= now();
  obj.metadata.deletionGracePeriodSeconds ??= 0;
  if (finalizers.length) obj.metadata.finalizers = finalizers;
  if (isNamespace)
    obj.status = { ...(typeof obj.status === 'object' ? obj.status : {}), phase: 'Terminating' };
  if (caller.dryRun) return { obj, deleted: false };
  return { obj: await ctx.store.put(gr(def), obj), deleted: false };
}

function remove(list: string[], item: string): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
