// Server-side printing: meta.k8s.io/v1 Table responses for `kubectl get`.
import type { PrinterColumn, ResourceDef } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';
import { ageOf } from './age.js';
import { jsonPath } from './jsonpath.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

function cell(col: PrinterColumn, o: KObj): unknown {
  if (col.cell) return col.cell(o);
  const v = col.jsonPath ? jsonPath(o, col.jsonPath)[0] : undefined;
  if (v === undefined || v === null) return null;
  if (col.type === 'date') return ageOf(v);
  if (col.type === 'string' && typeof v === 'object') return JSON.stringify(v);
  return v;
}

function rowObject(o: KObj, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function tableColumns(def: ResourceDef): PrinterColumn[] {
  return def.columns;
}

export function toTable(
  def: ResourceDef,
  items: KObj[],
  include: IncludeObject,
  listMeta: Record<string, unknown>,
): Record<string, unknown> {
  const cols = tableColumns(def);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: cols.map((c) => ({
      name: c.name,
      type: c.type === 'date' ? 'string' : c.type,
      format: c.format ?? '',
      description: c.description ?? '',
      priority: c.priority ?? 0,
    })),
    rows: items.map((o) => {
      const object = rowObject(o, include);
      return { cells: cols.map((c) => cell(c, o)), ...(object ? { object } : {}) };
    }),
  };
}

export function includeParam(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
