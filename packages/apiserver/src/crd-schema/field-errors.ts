import type { FieldCause } from './types.js';

// Builders for the field errors Kubernetes returns, with its wording.

/** How Kubernetes prints a bad value: strings quoted, scalars bare, anything else as JSON. */
export function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

const withDetail = (head: string, detail: string | undefined) =>
  detail ? `${head}: ${detail}` : head;

export const required = (field: string, detail?: string): FieldCause => ({
  type: 'FieldValueRequired',
  field,
  message: withDetail('Required value', detail),
});

export const forbidden = (field: string, detail?: string): FieldCause => ({
  type: 'FieldValueForbidden',
  field,
  message: withDetail('Forbidden', detail),
});

export const invalid = (field: string, value: unknown, detail?: string): FieldCause => ({
  type: 'FieldValueInvalid',
  field,
  message: withDetail(`Invalid value: ${printValue(value)}`, detail),
});

export const typeInvalid = (field: string, value: unknown, detail: string): FieldCause => ({
  type: 'FieldValueTypeInvalid',
  field,
  message: withDetail(`Invalid value: ${printValue(value)}`, detail),
});

export const notSupported = (field: string, value: unknown, supported: unknown[]): FieldCause => ({
  type: 'FieldValueNotSupported',
  field,
  message: withDetail(
    `Unsupported value: ${printValue(value)}`,
    supported.length ? `supported values: ${supported.map(printValue).join(', ')}` : undefined,
  ),
});

export const duplicate = (field: string, value: unknown): FieldCause => ({
  type: 'FieldValueDuplicate',
  field,
  message: `Duplicate value: ${printValue(value)}`,
});

export const tooLong = (field: string, max: number): FieldCause => ({
  type: 'FieldValueTooLong',
  field,
  message: `Too long: may not be more than ${max} bytes`,
});

export const tooMany = (field: string, actual: number, max: number, unit: string): FieldCause => ({
  type: 'FieldValueTooMany',
  field,
  message: `Too many: ${actual}: must have at most ${max} ${unit}`,
});
