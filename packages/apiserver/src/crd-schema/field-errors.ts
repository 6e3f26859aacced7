import type { FieldCause } from './types.js';

// Builders for the field errors Kubernetes returns, with its wording.

/** Kubernetes prints the path of a root-level error (its nil path) as `<nil>`. */
const at = (field: string) => field || '<nil>';

/**
 * How Kubernetes prints a bad value: strings quoted, scalars bare, a missing value
 * as "null", and lists and maps in Go's %#v syntax, as decoded JSON looks in Go.
 */
export function printValue(value: unknown): string {
  if (value === null || value === undefined) return '"null"';
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) return goSyntax(value);
  return scalar(value);
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`).join(', ')}}`;
  }
  return scalar(value);
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
    supported.length
      ? `supported values: ${supported.map((v) => JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`
      : undefined,
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
