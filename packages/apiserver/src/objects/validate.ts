// Defaulting, pruning and validation that run on every stored write, after mutating admission.
import { errors, type StatusCause } from '../errors/status.js';
import { NAME_RULES } from '../registry/builtins.js';
import { nameProblem } from '../registry/names.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Structural defaults and pruning of unknown fields for custom resources. */
export function normalize(def: ResourceDef, version: string, obj: KObj): void {
  const schema = def.schemas?.get(version);
  if (!schema) return;
  schema.prune(obj);
  schema.applyDefaults(obj);
}

export function validateObject(def: ResourceDef, version: string, obj: KObj, old?: KObj): void {
  const causes: StatusCause[] = [];
  const name = obj.metadata.name ?? '';
  if (!name) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else if (!old) {
    const rule = def.schemas ? 'subdomain' : (NAME_RULES[def.resource] ?? 'subdomain');
    const problem = nameProblem(name, rule);
    if (problem)
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${name}": ${problem}`,
        field: 'metadata.name',
      });
  }
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (v.length > 63 || !LABEL_VALUE.test(v))
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        field: `metadata.labels`,
      });
    if (!k)
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "": name part must be non-empty',
        field: 'metadata.labels',
      });
  }
  (obj.metadata.ownerReferences ?? []).forEach((r, i) => {
    const f = `metadata.ownerReferences[${i}]`;
    for (const k of ['apiVersion', 'kind', 'name'] as const)
      if (!r[k])
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: "": ${k} must not be empty`,
          field: `${f}.${k}`,
        });
    if (!r.uid)
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "": uid must not be empty',
        field: `${f}.uid`,
      });
  });
  if (def.validate) for (const c of def.validate(obj, old)) causes.push(c);
  const schema = def.schemas?.get(version);
  if (schema) {
    for (const c of schema.validate(obj, old))
      causes.push({ reason: c.type, message: c.message, field: c.field });
  }
  if (causes.length) throw errors.invalid(def.group, def.kind, name, causes);
}
