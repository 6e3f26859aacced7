import type { V1PolicyRule } from '@kubernetes/client-node';
import type {
  CreateRoleRequest,
  KargoRole,
  PolicyRule,
  RoleClaim,
  UpdateRoleRequest,
} from '@wharf/shared/api';
import { CreateRoleRequestSchema } from '@wharf/shared/api';
import type { IdentityCaller } from '../identity/callers.js';
import { ConflictError } from '../identity/http-errors.js';
import { guardEscalation } from './escalation-guard.js';
import { check, coreAs, isNotFound, rbacAs } from './kube-as-caller.js';
import { normalizeRules, ruleFromDetails } from './policy-rules.js';
import {
  newRole,
  newRoleBinding,
  newServiceAccount,
  withClaims,
  withDescription,
} from './role-objects.js';
import { getRole, readRoleObjects } from './role-reader.js';
import { type RoleObjects, readOnlyReason, toKargoRole } from './role-model.js';
import { replaceClaims } from './claims-edit.js';

/** Creates the ServiceAccount, Role and RoleBinding; refuses when any of them exists. */
export async function createRole(
  caller: IdentityCaller,
  ns: string,
  input: CreateRoleRequest,
): Promise<KargoRole> {
  const req = CreateRoleRequestSchema.parse(input);
  const rules = normalizeRules(req.rules.map(ruleFromDetails));
  const [core, rbacRole, rbacBinding] = await Promise.all([
    coreAs(caller, check('create', 'serviceaccounts', ns)),
    rbacAs(caller, check('create', 'roles', ns)),
    rbacAs(caller, check('create', 'rolebindings', ns)),
  ]);
  await guardEscalation(caller, ns, [], rules);
  const exists = await Promise.all([
    core
      .readNamespacedServiceAccount({ name: req.name, namespace: ns })
      .then(() => 'ServiceAccount', absent),
    rbacRole.readNamespacedRole({ name: req.name, namespace: ns }).then(() => 'Role', absent),
    rbacBinding
      .readNamespacedRoleBinding({ name: req.name, namespace: ns })
      .then(() => 'RoleBinding', absent),
  ]);
  const taken = exists.filter(Boolean);
  if (taken.length > 0) {
    throw new ConflictError(
      `Role "${req.name}" cannot be created in project ${ns}: ${taken.join(', ')} of that name already exist(s).`,
    );
  }
  // Dry runs first, so a refused Role (RBAC escalation check) stores nothing. The RoleBinding
  // cannot be dry-run before its Role exists: Kubernetes checks a binding against the Role's rules.
  const sa = newServiceAccount(ns, req.name, req.description, req.claims);
  const role = newRole(ns, req.name, rules);
  await core.createNamespacedServiceAccount({ namespace: ns, body: sa, dryRun: 'All' });
  await rbacRole.createNamespacedRole({ namespace: ns, body: role, dryRun: 'All' });
  await core.createNamespacedServiceAccount({ namespace: ns, body: sa });
  try {
    await rbacRole.createNamespacedRole({ namespace: ns, body: role });
    await rbacBinding.createNamespacedRoleBinding({
      namespace: ns,
      body: newRoleBinding(ns, req.name),
    });
  } catch (err) {
    // Leave nothing half-made behind.
    await rbacRole.deleteNamespacedRole({ name: req.name, namespace: ns }).catch(() => undefined);
    await core
      .deleteNamespacedServiceAccount({ name: req.name, namespace: ns })
      .catch(() => undefined);
    throw err;
  }
  return getRole(caller, ns, req.name);
}

function absent(err: unknown): undefined {
  if (isNotFound(err)) return undefined;
  throw err;
}

async function editable(caller: IdentityCaller, ns: string, name: string): Promise<RoleObjects> {
  const objs = await readRoleObjects(caller, ns, name);
  const reason = readOnlyReason(name, objs);
  if (reason) throw new ConflictError(`Role "${name}" is read-only in Wharf. ${reason}`);
  return objs;
}

/** Writes new claims and/or description on the ServiceAccount, keeping everything else on it. */
async function writeServiceAccount(
  caller: IdentityCaller,
  ns: string,
  objs: RoleObjects,
  claims: RoleClaim[] | undefined,
  description: string | undefined,
) {
  const current = toKargoRole(ns, objs);
  let sa = withDescription(objs.serviceAccount, description);
  if (claims) sa = withClaims(sa, claims);
  else if (description === undefined) return;
  const name = current.name;
  const core = await coreAs(caller, check('update', 'serviceaccounts', ns, name));
  await core.replaceNamespacedServiceAccount({ name, namespace: ns, body: sa });
}

async function writeRules(
  caller: IdentityCaller,
  ns: string,
  objs: RoleObjects,
  rules: PolicyRule[],
) {
  const name = objs.serviceAccount.metadata?.name ?? '';
  const role = objs.roles.get(name);
  if (!role) return;
  const previous: V1PolicyRule[] = role.rules ?? [];
  await guardEscalation(caller, ns, previous, rules);
  const rbac = await rbacAs(caller, check('update', 'roles', ns, name));
  await rbac.replaceNamespacedRole({ name, namespace: ns, body: { ...role, rules } });
}

export async function updateRole(
  caller: IdentityCaller,
  ns: string,
  name: string,
  req: UpdateRoleRequest,
) {
  const objs = await editable(caller, ns, name);
  // Authorize every part before writing any, so a refusal changes nothing.
  const rules = req.rules ? normalizeRules(req.rules.map(ruleFromDetails)) : undefined;
  if (rules) {
    await rbacAs(caller, check('update', 'roles', ns, name));
    await guardEscalation(caller, ns, objs.roles.get(name)?.rules ?? [], rules);
  }
  if (req.claims || req.description !== undefined) {
    await coreAs(caller, check('update', 'serviceaccounts', ns, name));
  }
  if (rules) await writeRules(caller, ns, objs, rules);
  const claims = req.claims ? replaceClaims(toKargoRole(ns, objs).claims, req.claims) : undefined;
  await writeServiceAccount(caller, ns, objs, claims, req.description);
  return getRole(caller, ns, name);
}

export async function editClaims(
  caller: IdentityCaller,
  ns: string,
  name: string,
  edit: (c: RoleClaim[]) => RoleClaim[],
) {
  const objs = await editable(caller, ns, name);
  await writeServiceAccount(caller, ns, objs, edit(toKargoRole(ns, objs).claims), undefined);
  return getRole(caller, ns, name);
}

export async function editRules(
  caller: IdentityCaller,
  ns: string,
  name: string,
  edit: (r: PolicyRule[]) => PolicyRule[],
) {
  const objs = await editable(caller, ns, name);
  await writeRules(caller, ns, objs, edit(toKargoRole(ns, objs).rules));
  return getRole(caller, ns, name);
}

/** Deletes the RoleBinding, the Role and the ServiceAccount (its token Secrets go with it). */
export async function deleteRole(caller: IdentityCaller, ns: string, name: string): Promise<void> {
  await editable(caller, ns, name);
  const [rbacB, rbacR, core] = await Promise.all([
    rbacAs(caller, check('delete', 'rolebindings', ns, name)),
    rbacAs(caller, check('delete', 'roles', ns, name)),
    coreAs(caller, check('delete', 'serviceaccounts', ns, name)),
  ]);
  await rbacB.deleteNamespacedRoleBinding({ name, namespace: ns });
  await rbacR.deleteNamespacedRole({ name, namespace: ns });
  await core.deleteNamespacedServiceAccount({ name, namespace: ns });
}
