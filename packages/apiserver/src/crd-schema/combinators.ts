import type { FieldCause, Schema } from './types.js';

type Validate = (schema: Schema, path: string, value: unknown) => FieldCause[];

/**
 * A composite failure as Kubernetes reports it: no field of its own, an empty value,
 * and the quoted path inside the message, e.g.
 * `Invalid value: "": "spec.port" must validate at least one schema (anyOf)`.
 */
function composite(path: string, message: string): FieldCause {
  return {
    type: 'FieldValueInvalid',
    field: '',
    message: `Invalid value: "": ${JSON.stringify(path)} ${message}`,
  };
}

/** allOf/anyOf/oneOf/not: in structural schemas these carry value validations only. */
export function checkCombinators(
  validate: Validate,
  schema: Schema,
  path: string,
  value: unknown,
): FieldCause[] {
  const out: FieldCause[] = [];
  const errorsOf = (s: Schema) => validate(s, path, value);
  if (schema.allOf) {
    const failures = schema.allOf.map(errorsOf).filter((e) => e.length > 0);
    if (failures.length > 0) {
      const none = failures.length === schema.allOf.length ? '. None validated' : '';
      out.push(composite(path, `must validate all the schemas (allOf)${none}`), ...failures.flat());
    }
  }
  if (schema.anyOf) {
    const failures = schema.anyOf.map(errorsOf);
    if (failures.every((e) => e.length > 0)) {
      out.push(
        composite(path, 'must validate at least one schema (anyOf)'),
        ...(failures[0] ?? []),
      );
    }
  }
  if (schema.oneOf) {
    const valid = schema.oneOf.filter((s) => errorsOf(s).length === 0).length;
    if (valid !== 1) {
      const found = valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
      out.push(composite(path, `must validate one and only one schema (oneOf). ${found}`));
    }
  }
  if (schema.not && errorsOf(schema.not).length === 0) {
    out.push(composite(path, 'must not validate the schema (not)'));
  }
  return out;
}
