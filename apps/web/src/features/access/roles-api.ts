import { queryOptions } from '@tanstack/react-query';
import {
  ApiTokenListSchema,
  CreatedApiTokenSchema,
  KargoRoleSchema,
  RoleListSchema,
  type CreateRoleRequest,
  type UpdateRoleRequest,
} from '@wharf/shared/api';
import { api, seg } from '@/lib/http';
import type { GrantStep } from './grant-plan';

const roles = (project: string) => `projects/${seg(project)}/roles`;
const role = (project: string, name: string) => `${roles(project)}/${seg(name)}`;

/**
 * Role data is asked again when the BFF pushes `access:changed` for the project (its
 * ServiceAccounts, Roles or RoleBindings changed: another admin's edit, kubectl) and after every
 * change made here; this slow re-ask only backs up a lost connection.
 */
export const ROLES_REFRESH_MS = 60_000;

export const rolesKey = (project: string) => ['project', project, 'roles'] as const;

export const rolesQuery = (project: string) =>
  queryOptions({
    queryKey: rolesKey(project),
    queryFn: ({ signal }) => api(roles(project), { signal }, (b) => RoleListSchema.parse(b).items),
    refetchInterval: ROLES_REFRESH_MS,
    meta: { quiet: true },
  });

export const roleQuery = (project: string, name: string) =>
  queryOptions({
    queryKey: [...rolesKey(project), name],
    queryFn: ({ signal }) => api(role(project, name), { signal }, (b) => KargoRoleSchema.parse(b)),
    refetchInterval: ROLES_REFRESH_MS,
    meta: { quiet: true },
  });

export const tokensQuery = (project: string, name: string) =>
  queryOptions({
    queryKey: [...rolesKey(project), name, 'tokens'],
    queryFn: ({ signal }) =>
      api(`${role(project, name)}/tokens`, { signal }, (b) => ApiTokenListSchema.parse(b).items),
    refetchInterval: ROLES_REFRESH_MS,
    meta: { quiet: true },
  });

export const createRole = (project: string, body: CreateRoleRequest) =>
  api(roles(project), { method: 'POST', body }, (b) => KargoRoleSchema.parse(b));

export const updateRole = (project: string, name: string, body: UpdateRoleRequest) =>
  api(role(project, name), { method: 'PUT', body }, (b) => KargoRoleSchema.parse(b));

export const deleteRole = (project: string, name: string) =>
  api(role(project, name), { method: 'DELETE' });

/** One grant or revoke call (claims or permissions) of a plan. */
export const applyStep = (project: string, name: string, step: GrantStep) =>
  api(`${role(project, name)}/${step.target}`, { method: step.method, body: step.body }, (b) =>
    KargoRoleSchema.parse(b),
  );

export const createToken = (project: string, name: string, token: string) =>
  api(`${role(project, name)}/tokens`, { method: 'POST', body: { name: token } }, (b) =>
    CreatedApiTokenSchema.parse(b),
  );

export const deleteToken = (project: string, name: string, token: string) =>
  api(`${role(project, name)}/tokens/${seg(token)}`, { method: 'DELETE' });
