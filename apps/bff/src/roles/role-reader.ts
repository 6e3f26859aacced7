import type { V1Role, V1RoleBinding, V1ServiceAccount } from '@kubernetes/client-node';
import type { KargoRole } from '@wharf/shared/api';
import type { IdentityCaller } from '../identity/callers.js';
import { NotFoundError } from '../identity/http-errors.js';
import { check, coreAs, isNotFound, rbacAs } from './kube-as-caller.js';
import { type RoleObjects, bindsServiceAccount, toKargoRole } from './role-model.js';

/** Reads a project's ServiceAccounts, Roles and RoleBindings as the caller. */
async function readAll(caller: IdentityCaller, ns: string) {
  const [core, rbacR, rbacB] = await Promise.all([
    coreAs(caller, check('list', 'serviceaccounts', ns)),
    rbacAs(caller, check('list', 'roles', ns)),
    rbacAs(caller, check('list', 'rolebindings', ns)),
  ]);
  const [sas, roles, bindings] = await Promise.all([
    core.listNamespacedServiceAccount({ namespace: ns }),
    rbacR.listNamespacedRole({ namespace: ns }),
    rbacB.listNamespacedRoleBinding({ namespace: ns }),
  ]);
  return { sas: sas.items, roles: roles.items, bindings: bindings.items };
}

function objectsOf(
  sa: V1ServiceAccount,
  ns: string,
  roles: V1Role[],
  bindings: V1RoleBinding[],
): RoleObjects {
  const name = sa.metadata?.name ?? '';
  const mine = bindings.filter((b) => bindsServiceAccount(b, ns, name));
  const byName = new Map(roles.map((r) => [r.metadata?.name ?? '', r]));
  const referenced = new Map(
    mine.flatMap((b) => {
      const r = b.roleRef.kind === 'Role' ? byName.get(b.roleRef.name) : undefined;
      return r ? [[b.roleRef.name, r] as const] : [];
    }),
  );
  return { serviceAccount: sa, bindings: mine, roles: referenced };
}

export async function listRoles(caller: IdentityCaller, ns: string): Promise<KargoRole[]> {
  const { sas, roles, bindings } = await readAll(caller, ns);
  return sas
    .map((sa) => toKargoRole(ns, objectsOf(sa, ns, roles, bindings)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The raw objects of one role (for edits), or a 404 naming the project. */
export async function readRoleObjects(
  caller: IdentityCaller,
  ns: string,
  name: string,
): Promise<RoleObjects> {
  const core = await coreAs(caller, check('get', 'serviceaccounts', ns, name));
  const sa = await core
    .readNamespacedServiceAccount({ name, namespace: ns })
    .catch((err: unknown) => {
      if (isNotFound(err)) throw new NotFoundError(`No role "${name}" in project ${ns}.`);
      throw err;
    });
  const { roles, bindings } = await readAll(caller, ns);
  return objectsOf(sa, ns, roles, bindings);
}

export async function getRole(
  caller: IdentityCaller,
  ns: string,
  name: string,
): Promise<KargoRole> {
  return toKargoRole(ns, await readRoleObjects(caller, ns, name));
}
