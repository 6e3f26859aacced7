// Legacy kubernetes.io/service-account-token Secrets get data.token, data["ca.crt"] and
// data.namespace filled in for the ServiceAccount named by their annotation.
import { SYSTEM_CALLER, type Ctx } from '../context.js';
import { updateObject } from '../objects/update.js';
import { clone, isObject, type KObj } from '../util/kobj.js';
import type { WorkQueue } from './queue.js';

const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';

function needsToken(s: KObj): boolean {
  return (
    s.type === 'kubernetes.io/service-account-token' &&
    !!s.metadata.annotations?.[SA_NAME] &&
    !s.metadata.deletionTimestamp &&
    !(isObject(s.data) && s.data.token)
  );
}

async function fill(ctx: Ctx, ns: string, name: string): Promise<void> {
  const secret = ctx.store.get('secrets', ns, name);
  if (!secret || !needsToken(secret)) return;
  const saName = secret.metadata.annotations?.[SA_NAME] ?? '';
  const sa = ctx.store.get('serviceaccounts', ns, saName);
  if (!sa) return;
  const token = await ctx.tokens.signLegacy(ns, saName, sa.metadata.uid ?? '', name);
  const next = clone(secret);
  next.metadata.annotations = { ...next.metadata.annotations, [SA_UID]: sa.metadata.uid ?? '' };
  next.data = {
    ...(isObject(next.data) ? next.data : {}),
    token: Buffer.from(token).toString('base64'),
    'ca.crt': Buffer.from(ctx.caPem).toString('base64'),
    namespace: Buffer.from(ns).toString('base64'),
  };
  const def = ctx.catalog.byGroupResource('secrets');
  if (def) await updateObject(ctx, SYSTEM_CALLER, def, 'v1', ns, name, next);
}

export function startServiceAccountTokenController(ctx: Ctx, queue: WorkQueue): void {
  for (const s of ctx.store.list('secrets'))
    if (needsToken(s))
      queue.add('sa-token', () => fill(ctx, s.metadata.namespace ?? '', s.metadata.name ?? ''));
  ctx.store.onCommit((e) => {
    if (e.gr === 'secrets' && e.type !== 'DELETED' && needsToken(e.obj))
      queue.add('sa-token', () =>
        fill(ctx, e.obj.metadata.namespace ?? '', e.obj.metadata.name ?? ''),
      );
    if (e.gr === 'serviceaccounts' && e.type === 'ADDED') {
      const ns = e.obj.metadata.namespace ?? '';
      for (const s of ctx.store.list('secrets', ns))
        if (needsToken(s) && s.metadata.annotations?.[SA_NAME] === e.obj.metadata.name)
          queue.add('sa-token', () => fill(ctx, ns, s.metadata.name ?? ''));
    }
  });
}
