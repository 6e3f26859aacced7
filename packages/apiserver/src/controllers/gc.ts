// Garbage collection by ownerReferences: background (dependents deleted after their last owner
// is gone), foreground (owner waits, via the foregroundDeletion finalizer, until its dependents
// are gone) and orphan (owner references removed, dependents kept).
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { deleteObject, type Propagation } from '../objects/delete.js';
import { updateObject } from '../objects/update.js';
import { clone, type KObj, type OwnerReference } from '../util/kobj.js';
import type { WorkQueue } from './queue.js';

interface Ref {
  gr: string;
  ns: string;
  name: string;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
}

export function startGarbageCollector(ctx: Ctx, queue: WorkQueue): void {
  /** owner uid → dependents */
  const index = new Map<string, Map<string, Ref>>();
  const keyOf = (r: Ref) => `${r.gr}|${r.ns}|${r.name}`;
  const link = (grKey: string, o: KObj, add: boolean) => {
    const ref = { gr: grKey, ns: o.metadata.namespace ?? '', name: o.metadata.name ?? '' };
    for (const owner of o.metadata.ownerReferences ?? []) {
      let m = index.get(owner.uid);
      if (add) {
        if (!m) index.set(owner.uid, (m = new Map()));
        m.set(keyOf(ref), ref);
      } else m?.delete(keyOf(ref));
    }
  };
  const dependents = (uid: string): { gr: string; obj: KObj }[] =>
    [...(index.get(uid)?.values() ?? [])]
      .map((r) => ({ gr: r.gr, obj: ctx.store.get(r.gr, r.ns, r.name) }))
      .filter(
        (d): d is { gr: string; obj: KObj } =>
          !!d.obj && (d.obj.metadata.ownerReferences ?? []).some((o) => o.uid === uid),
      );

  const ownerAlive = (dep: KObj, ref: OwnerReference): boolean => {
    const def = ctx.catalog.byKind(groupOf(ref.apiVersion), ref.kind);
    if (!def) return false;
    const o = ctx.store.get(
      `${def.group ? `${def.resource}.${def.group}` : def.resource}`,
      def.namespaced ? dep.metadata.namespace : undefined,
      ref.name,
    );
    return !!o && o.metadata.uid === ref.uid;
  };

  const removeRef = async (grKey: string, dep: KObj, uid: string) => {
    const def = ctx.catalog.byGroupResource(grKey);
    if (!def) return;
    const next = clone(dep);
    next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter(
      (r) => r.uid !== uid,
    );
    if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences;
    await updateObject(
      ctx,
      SYSTEM_CALLER,
      def,
      def.version,
      dep.metadata.namespace,
      dep.metadata.name ?? '',
      next,
    );
  };

  const deleteDependent = async (grKey: string, dep: KObj, policy: Propagation) => {
    const def = ctx.catalog.byGroupResource(grKey);
    if (!def || (dep.metadata.deletionTimestamp && policy !== 'Foreground')) return;
    await deleteObject(
      ctx,
      SYSTEM_CALLER,
      def,
      def.version,
      dep.metadata.namespace,
      dep.metadata.name ?? '',
      { propagationPolicy: policy },
    );
  };

  /** Owner is gone: dependents without another live owner are deleted. */
  const ownerGone = async (uid: string) => {
    for (const { gr: g, obj } of dependents(uid)) {
      const others = (obj.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== uid && ownerAlive(obj, r),
      );
      if (others.length) await removeRef(g, obj, uid);
      else await deleteDependent(g, obj, 'Background');
    }
    index.delete(uid);
  };

  const dropFinalizer = async (grKey: string, owner: KObj, finalizer: string) => {
    const def = ctx.catalog.byGroupResource(grKey);
    const cur = ctx.store.get(grKey, owner.metadata.namespace, owner.metadata.name ?? '');
    if (!def || !cur || !(cur.metadata.finalizers ?? []).includes(finalizer)) return;
    const next = clone(cur);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    await updateObject(
      ctx,
      SYSTEM_CALLER,
      def,
      def.version,
      cur.metadata.namespace,
      cur.metadata.name ?? '',
      next,
    );
  };

  /** Owner is being deleted with foregroundDeletion or orphan finalizers. */
  const ownerDeleting = async (grKey: string, owner: KObj) => {
    const uid = owner.metadata.uid ?? '';
    const fin = owner.metadata.finalizers ?? [];
    if (fin.includes('orphan')) {
      for (const d of dependents(uid)) await removeRef(d.gr, d.obj, uid);
      await dropFinalizer(grKey, owner, 'orphan');
      return;
    }
    if (fin.includes('foregroundDeletion')) {
      const deps = dependents(uid);
      for (const d of deps)
        if (!d.obj.metadata.deletionTimestamp) await deleteDependent(d.gr, d.obj, 'Foreground');
      if (!dependents(uid).length) await dropFinalizer(grKey, owner, 'foregroundDeletion');
    }
  };

  for (const g of ctx.store.groupResources()) for (const o of ctx.store.list(g)) link(g, o, true);
  for (const g of ctx.store.groupResources())
    for (const o of ctx.store.list(g)) {
      if (o.metadata.deletionTimestamp) queue.add('gc-owner', () => ownerDeleting(g, o));
      for (const r of o.metadata.ownerReferences ?? [])
        if (!ownerAlive(o, r)) queue.add('gc-orphaned', () => ownerGone(r.uid));
    }

  ctx.store.onCommit((e) => {
    if (e.old) link(e.gr, e.old, false);
    if (e.type !== 'DELETED') link(e.gr, e.obj, true);
    const uid = e.obj.metadata.uid ?? '';
    if (e.type === 'DELETED') {
      if (index.has(uid)) queue.add('gc-owner-gone', () => ownerGone(uid));
      // A dependent disappearing may let a foreground owner finish.
      for (const r of e.obj.metadata.ownerReferences ?? []) {
        const def = ctx.catalog.byKind(groupOf(r.apiVersion), r.kind);
        if (!def) continue;
        const g = def.group ? `${def.resource}.${def.group}` : def.resource;
        const owner = ctx.store.get(
          g,
          def.namespaced ? e.obj.metadata.namespace : undefined,
          r.name,
        );
        if (owner?.metadata.deletionTimestamp)
          queue.add('gc-foreground', () => ownerDeleting(g, owner));
      }
    } else if (e.obj.metadata.deletionTimestamp) {
      const fin = e.obj.metadata.finalizers ?? [];
      if (fin.includes('orphan') || fin.includes('foregroundDeletion'))
        queue.add('gc-owner', () => ownerDeleting(e.gr, e.obj));
    }
  });
}
