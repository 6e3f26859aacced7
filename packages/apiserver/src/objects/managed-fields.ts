// managedFields bookkeeping. Apply entries carry the applied field set (used by server-side
// apply to drop fields a manager stops sending); Update entries only record manager and time.
import type { Caller } from '../context.js';
import { apiVersionOf, type ResourceDef } from '../registry/resource-def.js';
import { isObject, type JsonObject, type KObj } from '../util/kobj.js';
import { now } from './meta.js';

export function recordManager(
  obj: KObj,
  caller: Caller,
  operation: 'Update' | 'Apply',
  version: string,
  def: ResourceDef,
  subresource?: string,
  fieldsV1?: JsonObject,
): void {
  const manager = caller.fieldManager ?? 'unknown';
  const list = Array.isArray(obj.metadata.managedFields) ? obj.metadata.managedFields : [];
  const same = (e: unknown) =>
    isObject(e) &&
    e.manager === manager &&
    e.operation === operation &&
    (e.subresource ?? undefined) === subresource;
  const prev = list.find(same);
  const entry: JsonObject = {
    manager,
    operation,
    apiVersion: apiVersionOf(def.group, version),
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: fieldsV1 ?? (isObject(prev) && isObject(prev.fieldsV1) ? prev.fieldsV1 : {}),
    ...(subresource ? { subresource } : {}),
  };
  obj.metadata.managedFields = [...list.filter((e) => !same(e)), entry];
}
