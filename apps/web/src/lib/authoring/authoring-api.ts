import { queryOptions } from '@tanstack/react-query';
import { ClusterCapabilitiesSchema } from '@wharf/shared/api';
import {
  CreateProjectResultSchema,
  CredentialListSchema,
  CredentialResultSchema,
  DeleteImpactSchema,
  KindSchemaResultSchema,
  ObjectDeleteResultSchema,
  ObjectReadResultSchema,
  ObjectWriteResultSchema,
  type AuthoringResource,
  type CreateProjectRequest,
  type CredentialCreateRequest,
  type CredentialReplaceRequest,
  type KubeObject,
} from '@wharf/shared/authoring';
import { api, seg } from '@/lib/http';

/** Where an object lives: cluster-scoped kinds have no project. */
export interface ObjectRef {
  resource: AuthoringResource;
  project?: string | undefined;
  name?: string | undefined;
}

const objectsBase = (r: ObjectRef) =>
  `${r.project ? `projects/${seg(r.project)}/` : ''}objects/${seg(r.resource)}`;
const objectUrl = (r: ObjectRef) => `${objectsBase(r)}${r.name ? `/${seg(r.name)}` : ''}`;

export const objectQuery = (r: ObjectRef) =>
  queryOptions({
    queryKey: ['authoring', 'object', r.resource, r.project ?? '', r.name ?? ''],
    queryFn: ({ signal }) => api(objectUrl(r), { signal }, (b) => ObjectReadResultSchema.parse(b)),
    staleTime: Infinity,
    gcTime: 0,
  });

export const impactQuery = (r: ObjectRef) =>
  queryOptions({
    queryKey: ['authoring', 'impact', r.resource, r.project ?? '', r.name ?? ''],
    queryFn: ({ signal }) =>
      api(`${objectUrl(r)}/impact`, { signal }, (b) => DeleteImpactSchema.parse(b)),
    staleTime: 0,
  });

export const kindSchemaQuery = (resource: AuthoringResource) =>
  queryOptions({
    queryKey: ['authoring', 'schema', resource],
    queryFn: ({ signal }) =>
      api(`schemas/${seg(resource)}`, { signal }, (b) => KindSchemaResultSchema.parse(b)),
    staleTime: 5 * 60_000,
    meta: { quiet: true },
  });

export const clusterCapabilitiesQuery = () =>
  queryOptions({
    queryKey: ['capabilities', 'cluster'],
    queryFn: ({ signal }) =>
      api('capabilities', { signal }, (b) => ClusterCapabilitiesSchema.parse(b)),
    staleTime: 60_000,
    refetchInterval: 15_000,
  });

/** Creates (no name) or replaces (with name) an object from YAML text; `dryRun` only validates. */
export const writeObject = (
  r: ObjectRef,
  manifest: string,
  opts: { dryRun?: boolean; base?: KubeObject } = {},
) =>
  api(
    `${r.name ? objectUrl(r) : objectsBase(r)}${opts.dryRun ? '?dryRun=true' : ''}`,
    {
      method: r.name ? 'PUT' : 'POST',
      body: { manifest, ...(opts.base ? { base: opts.base } : {}) },
    },
    (b) => ObjectWriteResultSchema.parse(b),
  );

export const deleteObject = (r: ObjectRef, resourceVersion?: string) =>
  api(
    `${objectUrl(r)}${resourceVersion ? `?resourceVersion=${seg(resourceVersion)}` : ''}`,
    { method: 'DELETE' },
    (b) => ObjectDeleteResultSchema.parse(b),
  );

const credentialsBase = (project: string | undefined) =>
  project ? `projects/${seg(project)}/credentials` : 'shared/credentials';

/** Credentials of a project, or the shared ones when `project` is undefined. Never values. */
export const credentialsQuery = (project: string | undefined) =>
  queryOptions({
    queryKey: ['authoring', 'credentials', project ?? ''],
    queryFn: ({ signal }) =>
      api(credentialsBase(project), { signal }, (b) => CredentialListSchema.parse(b)),
  });

export const createCredential = (project: string | undefined, body: CredentialCreateRequest) =>
  api(credentialsBase(project), { method: 'POST', body }, (b) => CredentialResultSchema.parse(b));

export const replaceCredential = (
  project: string | undefined,
  name: string,
  body: CredentialReplaceRequest,
) =>
  api(`${credentialsBase(project)}/${seg(name)}`, { method: 'PUT', body }, (b) =>
    CredentialResultSchema.parse(b),
  );

export const deleteCredential = (project: string | undefined, name: string) =>
  api(`${credentialsBase(project)}/${seg(name)}`, { method: 'DELETE' }, (b) =>
    CredentialResultSchema.parse(b),
  );

export const createProject = (body: CreateProjectRequest) =>
  api('projects', { method: 'POST', body }, (b) => CreateProjectResultSchema.parse(b));
