// apiVersion/kind in a request body must match the URL they were sent to.
import { errors } from '../errors/status.js';
import { apiVersionOf, type ResourceDef } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';

export function checkTypeMeta(def: ResourceDef, version: string, body: KObj): void {
  const expected = apiVersionOf(def.group, version);
  if (body.apiVersion && body.apiVersion !== expected)
    throw errors.badRequest(
      `the API version in the data (${body.apiVersion}) does not match the expected API version (${expected})`,
    );
  if (body.kind && body.kind !== def.kind)
    throw errors.badRequest(
      `the kind in the data (${body.kind}) does not match the expected kind (${def.kind})`,
    );
}
