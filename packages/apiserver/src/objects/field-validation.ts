// fieldValidation=Ignore|Warn|Strict for custom resources: fields the structural schema prunes
// are reported as unknown (a warning by default, a 400 error with Strict), as Kubernetes does.
import type { Caller } from '../context.js';
import { errors } from '../errors/status.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { clone, isObject, type KObj } from '../util/kobj.js';

function dropped(before: unknown, after: unknown, path: string, out: string[]): void {
  if (isObject(before) && isObject(after)) {
    for (const [k, v] of Object.entries(before)) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in after)) out.push(p);
      else dropped(v, after[k], p, out);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    before.forEach((v, i) => dropped(v, after[i], `${path}[${i}]`, out));
  }
}

/** Prunes `obj` like the schema does and returns warnings, or throws for Strict. */
export function pruneReportingUnknown(
  def: ResourceDef,
  version: string,
  obj: KObj,
  caller: Caller,
): string[] {
  const schema = def.schemas?.get(version);
  if (!schema) return [];
  const mode = caller.fieldValidation ?? 'Warn';
  const before = mode === 'Ignore' ? undefined : clone(obj);
  schema.prune(obj);
  if (!before) return [];
  const unknown: string[] = [];
  dropped(before, obj, '', unknown);
  if (!unknown.length) return [];
  const messages = unknown.map((p) => `unknown field "${p}"`);
  if (mode === 'Strict')
    throw errors.badRequest(
      `${def.kind} in version "${version}" cannot be handled as a ${def.kind}: strict decoding error: ${messages.join(', ')}`,
    );
  return messages;
}
