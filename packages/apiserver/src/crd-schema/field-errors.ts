import type { FieldCause } from './types.js';

// Builders for the field errors Kubernetes returns, with its wording.

/** Kubernetes prints the path of a root-level error (its nil path) as `<nil>`. */
const at = (field: string) => field || '<nil>';

/** How Kubernetes prints a bad value: strings quoted, scalars bare, anything else as JSON. */
export function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return '"null"';
  return JSON.stringify(value);
}

const withDetail = (head: string, detail: string | undefined) =>
  detail ? `${head}: ${detail}` : head;

export const required = (field: string, detail?: string): FieldCause => ({
  type: 'FieldValueRequired',
  field: at(field),
  message: withDetail('Required value', detail),
});

export const forbidden = (field: string, detail?: string): FieldCause => ({
  type: 'FieldValueForbidden',
  field: at(field),
  message: withDetail('Forbidden', detail),
});

export const invalid = (field: string, value: unknown, detail?: string): FieldCause => ({
  type: 'FieldValueInvalid',
  field: at(field),
  message: withDetail(`Invalid value: ${printValue(value)}`, detail),
});

export const typeInvalid = (field: string, value: unknown, detail: string): FieldCause => ({
  type: 'FieldValueTypeInvalid',
  field: at(field),
  message: withDetail(`Invalid value: ${printValue(value)}`, detail),
});

export const notSupported = (field: string, value: unknown, supported: unknown[]): FieldCause => ({
  type: 'FieldValueNotSupported',
  field: at(field),
  message: withDetail(
    `Unsupported value: ${printValue(value)}`,
    supported.length ? `supported values: ${supported.map(printValue).join(', ')}` : undefined,
  ),
});

export const duplicate = (field: string, value: unknown): FieldCause => ({
  type: 'FieldValueDuplicate',
  field: at(field),
  message: `Duplicate value: ${printValue(value)}`,
});

export const tooLong = (field: string, max: number): FieldCause => ({
  type: 'FieldValueTooLong',
  field: at(field),
  message: `Too long: may not be more than ${max} bytes`,
});

export const tooMany = (field: string, actual: number, max: number, unit: string): FieldCause => ({
  type: 'FieldValueTooMany',
  field: at(field),
  message: `Too many: ${actual}: must have at most ${max} ${unit}`,
});
