// What the server knows about one served resource (built-in or from a CRD).
import type { CompiledSchema } from '../crd-schema/index.js';
import type { KObj } from '../util/kobj.js';

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath?: string;
  /** Built-in kinds compute cells in code. */
  cell?: (o: KObj) => unknown;
}

export interface ResourceDef {
  group: string;
  version: string;
  /** All versions served for this resource; objects are stored once, under `group/resource`. */
  versions: string[];
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  statusSubresource: boolean;
  /** Bumps metadata.generation on changes outside metadata and status. */
  generation: boolean;
  /** Create-only review kinds: answered, never stored. */
  virtual?: boolean;
  /** Supports strategic merge patch (built-in kinds only, as in Kubernetes). */
  strategicMerge: boolean;
  columns: PrinterColumn[];
  schemas?: Map<string, CompiledSchema>;
  /** OpenAPI v3 schema per version, for /openapi and explain. */
  openapi?: Map<string, Record<string, unknown>>;
  /** Field selector labels beyond metadata.name and metadata.namespace. */
  fieldLabels?: Record<string, (o: KObj) => string>;
  /** Rewrites a request body before admission (Secret stringData → data). */
  prepare?: (o: KObj) => void;
  /** Returns Invalid causes for built-in kinds. */
  validate?: (o: KObj, old?: KObj) => { field: string; reason: string; message: string }[];
}

export function gr(def: Pick<ResourceDef, 'group' | 'resource'>): string {
  return def.group ? `${def.resource}.${def.group}` : def.resource;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export const CRUD_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
