import { type Request, Router, json } from 'express';
import type { z } from 'zod';
import {
  ClaimsChangeRequestSchema,
  CreateApiTokenRequestSchema,
  CreateRoleRequestSchema,
  PermissionsChangeRequestSchema,
  UpdateRoleRequestSchema,
} from '@wharf/shared/api';
import type { IdentityCaller } from '../identity/callers.js';
import { csrfGuard } from '../identity/csrf.js';
import { InputError, identityErrorHandler } from '../identity/http-errors.js';
import { createToken, deleteToken, listTokens } from './api-tokens.js';
import { grantClaims, revokeClaims } from './claims-edit.js';
import { grantRule, revokeRule, ruleFromDetails } from './policy-rules.js';
import { getRole, listRoles } from './role-reader.js';
import { createRole, deleteRole, editClaims, editRules, updateRole } from './role-writer.js';

function body<T extends z.ZodType>(schema: T, req: Request, hint: string): z.infer<T> {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new InputError(`${hint} (${issues.join('; ')})`, { issues: parsed.error.issues });
  }
  return parsed.data;
}

const param = (req: Request, key: string) => {
  const v = (req.params as Record<string, string | undefined>)[key];
  if (!v) throw new InputError(`Missing path parameter ${key}.`);
  return v;
};

/** Mounted at /api/v1/projects/:p/roles. Every call is authorized, then made, as the caller. */
export function rolesRouter(
  resolveCaller: (req: Request) => Promise<IdentityCaller>,
  publicUrl?: URL,
): Router {
  const r = Router({ mergeParams: true });
  r.use(json({ limit: '64kb' }));
  r.use(csrfGuard(publicUrl));
  const ctx = async (req: Request) => ({ caller: await resolveCaller(req), ns: param(req, 'p') });

  r.get('/', async (req, res) => {
    const { caller, ns } = await ctx(req);
    res.json({ items: await listRoles(caller, ns) });
  });
  r.post('/', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const input = body(CreateRoleRequestSchema, req, 'Send {name, description?, claims?, rules?}');
    res.status(201).json(await createRole(caller, ns, input));
  });
  r.get('/:name', async (req, res) => {
    const { caller, ns } = await ctx(req);
    res.json(await getRole(caller, ns, param(req, 'name')));
  });
  r.put('/:name', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const input = body(UpdateRoleRequestSchema, req, 'Send {description?, claims?, rules?}');
    res.json(await updateRole(caller, ns, param(req, 'name'), input));
  });
  r.delete('/:name', async (req, res) => {
    const { caller, ns } = await ctx(req);
    await deleteRole(caller, ns, param(req, 'name'));
    res.status(204).end();
  });

  r.post('/:name/claims', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const { claims } = body(ClaimsChangeRequestSchema, req, 'Send {claims: [{name, values}]}');
    res.json(await editClaims(caller, ns, param(req, 'name'), (c) => grantClaims(c, claims)));
  });
  r.delete('/:name/claims', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const { claims } = body(ClaimsChangeRequestSchema, req, 'Send {claims: [{name, values}]}');
    res.json(await editClaims(caller, ns, param(req, 'name'), (c) => revokeClaims(c, claims)));
  });

  r.post('/:name/permissions', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const { permissions } = body(
      PermissionsChangeRequestSchema,
      req,
      'Send {permissions: {resourceType, resourceName?, verbs}}',
    );
    const rule = ruleFromDetails(permissions);
    res.json(await editRules(caller, ns, param(req, 'name'), (rules) => grantRule(rules, rule)));
  });
  r.delete('/:name/permissions', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const { permissions } = body(
      PermissionsChangeRequestSchema,
      req,
      'Send {permissions: {resourceType, resourceName?, verbs}}',
    );
    const rule = ruleFromDetails(permissions);
    res.json(await editRules(caller, ns, param(req, 'name'), (rules) => revokeRule(rules, rule)));
  });

  r.get('/:name/tokens', async (req, res) => {
    const { caller, ns } = await ctx(req);
    res.json({ items: await listTokens(caller, ns, param(req, 'name')) });
  });
  r.post('/:name/tokens', async (req, res) => {
    const { caller, ns } = await ctx(req);
    const { name } = body(CreateApiTokenRequestSchema, req, 'Send {name}');
    res.status(201).json(await createToken(caller, ns, param(req, 'name'), name));
  });
  r.delete('/:name/tokens/:token', async (req, res) => {
    const { caller, ns } = await ctx(req);
    await deleteToken(caller, ns, param(req, 'name'), param(req, 'token'));
    res.status(204).end();
  });

  r.use(identityErrorHandler);
  return r;
}
