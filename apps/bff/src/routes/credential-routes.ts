import { z } from 'zod';
import {
  CredentialCreateRequestSchema,
  CredentialListSchema,
  CredentialReplaceRequestSchema,
  CredentialResultSchema,
} from '@wharf/shared/authoring';
import {
  createCredential,
  deleteCredential,
  listCredentials,
  replaceCredential,
} from '../credentials/credential-store.js';
import { route, type RouteSpec } from './api-route.js';
import { ProjectParams } from './params.js';

const Name = z.object({ name: z.string().min(1).max(253) });

/** Credentials of one namespace: a project's (`/projects/:project/credentials`) or the shared one. */
function scope(
  base: string,
  params: z.ZodObject,
  ns: (p: Record<string, unknown>) => string,
  what: string,
): RouteSpec[] {
  const withName = params.extend(Name.shape);
  return [
    route({
      method: 'get',
      path: base,
      tag: 'credentials',
      summary: `${what} credentials: names, types, URLs and times, never values`,
      params,
      response: CredentialListSchema,
      handler: ({ caller, params: p }) => listCredentials(caller, ns(p)),
    }),
    route({
      method: 'post',
      path: base,
      tag: 'credentials',
      summary: `Create a ${what.toLowerCase()} credential (values go to Kubernetes only)`,
      params,
      body: CredentialCreateRequestSchema,
      response: CredentialResultSchema,
      status: 201,
      handler: async ({ caller, params: p, body }) => ({
        credential: await createCredential(caller, ns(p), body),
      }),
    }),
    route({
      method: 'put',
      path: `${base}/:name`,
      tag: 'credentials',
      summary: `Replace a ${what.toLowerCase()} credential; values left out are kept`,
      params: withName,
      body: CredentialReplaceRequestSchema,
      response: CredentialResultSchema,
      handler: async ({ caller, params: p, body }) => ({
        credential: await replaceCredential(caller, ns(p), String(p.name), body),
      }),
    }),
    route({
      method: 'delete',
      path: `${base}/:name`,
      tag: 'credentials',
      summary: `Delete a ${what.toLowerCase()} credential`,
      params: withName,
      response: CredentialResultSchema,
      handler: async ({ caller, params: p }) => ({
        credential: await deleteCredential(caller, ns(p), String(p.name)),
      }),
    }),
  ];
}

export function credentialRoutes(sharedNamespace: string): RouteSpec[] {
  return [
    ...scope('/projects/:project/credentials', ProjectParams, (p) => String(p.project), 'Project'),
    ...scope('/shared/credentials', z.object({}), () => sharedNamespace, 'Shared'),
  ];
}
