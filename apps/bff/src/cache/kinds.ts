import {
  FreightSchema,
  KARGO_RESOURCES,
  KubeEventSchema,
  ProjectConfigSchema,
  ProjectSchema,
  PromotionSchema,
  PromotionTaskSchema,
  StageSchema,
  WarehouseSchema,
  type Freight,
  type KubeEvent,
  type Project,
  type ProjectConfig,
  type Promotion,
  type PromotionTask,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import { z } from 'zod';
import { corePath, kargoPath } from '../kube/paths.js';
import type { KubeObject } from './informer.js';

/** Any namespaced core/RBAC object; only metadata is read generically. */
const GenericObjectSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
});
export type GenericObject = z.infer<typeof GenericObjectSchema>;

export interface KindDef<T extends KubeObject> {
  /** Cluster-wide collection path; for `perProjectNamespace` kinds, the path in one namespace. */
  path: string | ((namespace: string) => string);
  schema: z.ZodType<T>;
  /** Served only once Kargo's API group is. */
  kargo: boolean;
  /** The pipeline view needs it: readiness waits for it (and only for such kinds). */
  required: boolean;
}

function kargo<T extends KubeObject>(
  plural: string,
  schema: z.ZodType<T>,
  required: boolean,
): KindDef<T> {
  return { path: kargoPath(plural), schema, kargo: true, required };
}

/** A kind read only in project namespaces (the Project informer says which). */
function perProjectNamespace<T extends KubeObject>(
  path: (namespace: string) => string,
  schema: z.ZodType<T>,
): KindDef<T> {
  return { path, schema, kargo: false, required: false };
}

const rbacPath = (plural: string) => (ns: string) =>
  `/apis/rbac.authorization.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/${plural}`;

/**
 * Every kind the BFF caches, one cache each however many browsers watch. Kargo's kinds are
 * watched cluster-wide (one watch each); Events, ServiceAccounts, Roles and RoleBindings only in
 * project namespaces (one watch per namespace), so the rest of the cluster's are never read.
 */
export const KINDS = {
  projects: kargo<Project>(KARGO_RESOURCES.Project.plural, ProjectSchema, true),
  projectconfigs: kargo<ProjectConfig>(
    KARGO_RESOURCES.ProjectConfig.plural,
    ProjectConfigSchema,
    false,
  ),
  warehouses: kargo<Warehouse>(KARGO_RESOURCES.Warehouse.plural, WarehouseSchema, true),
  freight: kargo<Freight>(KARGO_RESOURCES.Freight.plural, FreightSchema, true),
  stages: kargo<Stage>(KARGO_RESOURCES.Stage.plural, StageSchema, true),
  promotions: kargo<Promotion>(KARGO_RESOURCES.Promotion.plural, PromotionSchema, true),
  promotiontasks: kargo<PromotionTask>(
    KARGO_RESOURCES.PromotionTask.plural,
    PromotionTaskSchema,
    false,
  ),
  events: perProjectNamespace<KubeEvent>((ns) => corePath('events', ns), KubeEventSchema),
  serviceaccounts: perProjectNamespace<GenericObject>(
    (ns) => corePath('serviceaccounts', ns),
    GenericObjectSchema,
  ),
  roles: perProjectNamespace<GenericObject>(rbacPath('roles'), GenericObjectSchema),
  rolebindings: perProjectNamespace<GenericObject>(rbacPath('rolebindings'), GenericObjectSchema),
};
export type KindName = keyof typeof KINDS;
export type ObjectOf<K extends KindName> = (typeof KINDS)[K] extends KindDef<infer T> ? T : never;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];
