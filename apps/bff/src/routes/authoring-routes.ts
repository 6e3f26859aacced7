import { z } from 'zod';
import { ClusterCapabilitiesSchema } from '@wharf/shared/api';
import {
  AUTHORING_KINDS,
  AuthoringResourceSchema,
  CreateProjectRequestSchema,
  CreateProjectResultSchema,
  DeleteImpactSchema,
  DryRunQuerySchema,
  KindSchemaResultSchema,
  ObjectDeleteResultSchema,
  ObjectReadResultSchema,
  ObjectWriteRequestSchema,
  ObjectWriteResultSchema,
  ProjectConfigViewSchema,
  RefreshProjectConfigResultSchema,
} from '@wharf/shared/authoring';
import { readProjectConfig, refreshProjectConfig } from '../authoring/project-config.js';
import { createProject } from '../authoring/create-project.js';
import { deleteImpact } from '../authoring/delete-impact.js';
import { kindSchema } from '../authoring/kind-schema.js';
import {
  deleteObject,
  readObject,
  writeObject,
  type ObjectTarget,
} from '../authoring/object-writer.js';
import type { ReadModels } from '../read/read-models.js';
import { clusterCapabilitiesOf } from '../read/capabilities.js';
import type { Stage } from '@wharf/shared';
import { route, type RouteSpec } from './api-route.js';
import { ProjectParams } from './params.js';

const Name = z.string().min(1).max(253);
const scoped = (namespaced: boolean) =>
  AuthoringResourceSchema.refine((r) => AUTHORING_KINDS[r].namespaced === namespaced, {
    message: namespaced
      ? 'this kind is cluster-scoped: use /objects/{resource}'
      : 'this kind lives in a project: use /projects/{project}/objects/{resource}',
  });
const ClusterKind = z.object({ resource: scoped(false) });
const ClusterObject = ClusterKind.extend({ name: Name });
const ProjectKind = ProjectParams.extend({ resource: scoped(true) });
const ProjectObject = ProjectKind.extend({ name: Name });
const DeleteQuery = z.object({ resourceVersion: z.string().optional() });

export interface AuthoringDeps {
  models: ReadModels;
  allStages(): Stage[];
  sharedNamespace: string;
  now: () => number;
}

/** Routes of one scope: `/objects/...` (cluster) or `/projects/:project/objects/...`. */
function objectRoutes(deps: AuthoringDeps, namespaced: boolean): RouteSpec[] {
  const base = namespaced ? '/projects/:project/objects' : '/objects';
  const target = (p: { resource: ObjectTarget['resource']; name?: string }): ObjectTarget => {
    const project = 'project' in p && typeof p.project === 'string' ? p.project : undefined;
    return {
      resource: p.resource,
      ...(project ? { namespace: project } : {}),
      ...(p.name ? { name: p.name } : {}),
    };
  };
  const where = namespaced ? 'in a project' : 'cluster-scoped';
  return [
    route({
      method: 'get',
      path: `${base}/:resource/:name`,
      tag: 'authoring',
      summary: `One authorable object ${where}, for editing (no status, no managedFields)`,
      params: namespaced ? ProjectObject : ClusterObject,
      response: ObjectReadResultSchema,
      handler: async ({ caller, params }) => ({ object: await readObject(caller, target(params)) }),
    }),
    route({
      method: 'post',
      path: `${base}/:resource`,
      tag: 'authoring',
      summary: `Create an object ${where} from YAML/JSON as the caller, validated by Kubernetes first`,
      params: namespaced ? ProjectKind : ClusterKind,
      query: DryRunQuerySchema,
      body: ObjectWriteRequestSchema,
      response: ObjectWriteResultSchema,
      status: 201,
      handler: ({ caller, params, query, body }) =>
        writeObject(caller, target(params), body.manifest, { dryRun: query.dryRun }),
    }),
    route({
      method: 'put',
      path: `${base}/:resource/:name`,
      tag: 'authoring',
      summary: `Replace an object ${where} at the resourceVersion it was read; 409 with the current object if it changed`,
      params: namespaced ? ProjectObject : ClusterObject,
      query: DryRunQuerySchema,
      body: ObjectWriteRequestSchema,
      response: ObjectWriteResultSchema,
      handler: ({ caller, params, query, body }) =>
        writeObject(caller, target(params), body.manifest, {
          dryRun: query.dryRun,
          ...(body.base ? { base: body.base } : {}),
        }),
    }),
    route({
      method: 'delete',
      path: `${base}/:resource/:name`,
      tag: 'authoring',
      summary: `Delete an object ${where} as the caller`,
      params: namespaced ? ProjectObject : ClusterObject,
      query: DeleteQuery,
      response: ObjectDeleteResultSchema,
      handler: async ({ caller, params, query }) => {
        await deleteObject(caller, target(params), query.resourceVersion);
        return { deleted: { resource: params.resource, name: params.name } };
      },
    }),
    route({
      method: 'get',
      path: `${base}/:resource/:name/impact`,
      tag: 'authoring',
      summary: 'What depends on the object and what Kargo does when it is deleted',
      params: namespaced ? ProjectObject : ClusterObject,
      response: DeleteImpactSchema,
      handler: async ({ caller, params }) => {
        // Only someone who may read the object learns what depends on it.
        const t = target(params);
        await readObject(caller, t);
        return deleteImpact(
          deps.models,
          { allStages: deps.allStages },
          t.resource,
          params.name,
          t.namespace,
        );
      },
    }),
  ];
}

/** The generic, permission-aware write path for Kargo's authorable kinds, the wizard and schemas. */
export function authoringRoutes(deps: AuthoringDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/capabilities',
      tag: 'authoring',
      summary:
        'What the caller may do outside projects (create projects, cluster config, shared credentials)',
      response: ClusterCapabilitiesSchema,
      handler: ({ caller }) => clusterCapabilitiesOf(caller, deps.sharedNamespace),
    }),
    route({
      method: 'get',
      path: '/schemas/:resource',
      tag: 'authoring',
      summary: "A kind's OpenAPI schema as the cluster serves it, for completion and validation",
      params: z.object({ resource: AuthoringResourceSchema }),
      response: KindSchemaResultSchema,
      handler: ({ caller, params }) => kindSchema(caller, params.resource),
    }),
    route({
      method: 'post',
      path: '/projects',
      tag: 'authoring',
      summary:
        'Create a project with its credentials and objects in one go; nothing is left if one is refused',
      body: CreateProjectRequestSchema,
      response: CreateProjectResultSchema,
      status: 201,
      handler: ({ caller, body }) => createProject(caller, body),
    }),
    route({
      method: 'get',
      path: '/projects/:project/projectconfig',
      tag: 'authoring',
      summary:
        "What Kargo reports of the project's settings: webhook receiver URLs, refresh, conditions",
      params: ProjectParams,
      response: ProjectConfigViewSchema,
      handler: ({ caller, params }) => readProjectConfig(deps.models, caller, params.project),
    }),
    route({
      method: 'post',
      path: '/projects/:project/projectconfig/refresh',
      tag: 'authoring',
      summary: 'Ask Kargo to reconcile the project settings now',
      params: ProjectParams,
      body: z.object({}).optional(),
      response: RefreshProjectConfigResultSchema,
      handler: ({ caller, params }) => refreshProjectConfig(caller, params.project, deps.now),
    }),
    ...objectRoutes(deps, false),
    ...objectRoutes(deps, true),
  ];
}
