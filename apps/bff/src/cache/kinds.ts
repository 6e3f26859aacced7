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

interface KindDef<T extends KubeObject> {
  path: string;
  schema: z.ZodType<T>;
  kargo: boolean;
}

function kargo<T extends KubeObject>(plural: string, schema: z.ZodType<T>): KindDef<T> {
  return { path: kargoPath(plural), schema, kargo: true };
}

/** Every kind the BFF caches: one informer (one upstream watch) each, cluster-wide. */
export const KINDS = {
  projects: kargo<Project>(KARGO_RESOURCES.Project.plural, ProjectSchema),
  projectconfigs: kargo<ProjectConfig>(KARGO_RESOURCES.ProjectConfig.plural, ProjectConfigSchema),
  warehouses: kargo<Warehouse>(KARGO_RESOURCES.Warehouse.plural, WarehouseSchema),
  freight: kargo<Freight>(KARGO_RESOURCES.Freight.plural, FreightSchema),
  stages: kargo<Stage>(KARGO_RESOURCES.Stage.plural, StageSchema),
  promotions: kargo<Promotion>(KARGO_RESOURCES.Promotion.plural, PromotionSchema),
  promotiontasks: kargo<PromotionTask>(KARGO_RESOURCES.PromotionTask.plural, PromotionTaskSchema),
  events: { path: corePath('events'), schema: KubeEventSchema, kargo: false } as KindDef<KubeEvent>,
  serviceaccounts: {
    path: corePath('serviceaccounts'),
    schema: GenericObjectSchema,
    kargo: false,
  } as KindDef<GenericObject>,
  roles: {
    path: '/apis/rbac.authorization.k8s.io/v1/roles',
    schema: GenericObjectSchema,
    kargo: false,
  } as KindDef<GenericObject>,
  rolebindings: {
    path: '/apis/rbac.authorization.k8s.io/v1/rolebindings',
    schema: GenericObjectSchema,
    kargo: false,
  } as KindDef<GenericObject>,
};
export type KindName = keyof typeof KINDS;
export type ObjectOf<K extends KindName> = (typeof KINDS)[K] extends KindDef<infer T> ? T : never;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];
