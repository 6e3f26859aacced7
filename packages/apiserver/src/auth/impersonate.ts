// Impersonate-User / -Group / -Uid / -Extra-* headers, each checked against the `impersonate`
// verb as Kubernetes does (users, groups, serviceaccounts, uids, userextras/<key>).
import type { IncomingHttpHeaders } from 'node:http';
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import type { Attributes, UserInfo } from '../rbac/index.js';
import { requireAllowed } from './authorizer.js';

function all(h: IncomingHttpHeaders, name: string): string[] {
  const v = h[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

export function impersonate(ctx: Ctx, user: UserInfo, h: IncomingHttpHeaders): UserInfo {
  const users = all(h, 'impersonate-user');
  const groups = all(h, 'impersonate-group');
  const uids = all(h, 'impersonate-uid');
  const extraKeys = Object.keys(h).filter((k) => k.startsWith('impersonate-extra-'));
  if (!users.length) {
    if (groups.length || uids.length || extraKeys.length)
      throw errors.badRequest(
        'requested impersonation of groups, uid or extra without impersonating a user: set Impersonate-User as well',
      );
    return user;
  }
  if (users.length > 1) throw errors.badRequest('only one Impersonate-User header may be sent');
  const username = users[0] ?? '';
  const check = (attrs: Omit<Extract<Attributes, { kind: 'resource' }>, 'kind' | 'verb'>) =>
    requireAllowed(ctx, user, { kind: 'resource', verb: 'impersonate', ...attrs });
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa?.[1] && sa[2])
    check({ apiGroup: '', resource: 'serviceaccounts', namespace: sa[1], name: sa[2] });
  else check({ apiGroup: '', resource: 'users', name: username });
  for (const g of groups) check({ apiGroup: '', resource: 'groups', name: g });
  for (const u of uids) check({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: u });
  const extra: Record<string, string[]> = {};
  for (const k of extraKeys) {
    const key = decodeURIComponent(k.slice('impersonate-extra-'.length));
    const values = all(h, k);
    for (const v of values)
      check({
        apiGroup: 'authentication.k8s.io',
        resource: 'userextras',
        subresource: key,
        name: v,
      });
    extra[key] = values;
  }
  const finalGroups = [...groups];
  if (sa?.[1] && !groups.length)
    finalGroups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (username !== 'system:anonymous' && !finalGroups.includes('system:authenticated'))
    finalGroups.push('system:authenticated');
  return {
    username,
    groups: finalGroups,
    ...(uids[0] ? { uid: uids[0] } : {}),
    ...(extraKeys.length ? { extra } : {}),
  };
}
