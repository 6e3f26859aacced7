import { celPropertyName } from './cel-names.js';
import type { Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';

/**
 * Converts decoded JSON into CEL values guided by the schema: `integer` (and
 * int-or-string numbers) become CEL ints (bigint), `number` stays a double.
 * Unknown preserved fields follow JSON: whole numbers are ints. Strings with
 * format date-time are timestamps, as Kubernetes types them.
 */
export function toCel(schema: Schema | undefined, value: unknown): unknown {
  if (
    typeof value === 'string' &&
    (schema?.format === 'date-time' || schema?.format === 'datetime')
  ) {
    const time = new Date(value);
    return Number.isNaN(time.getTime()) ? value : time;
  }
  if (typeof value === 'number') {
    if (schema?.type === 'number') return value;
    return Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => toCel(schema?.items, item));
  if (isObject(value)) {
    const extra = schema ? additionalSchema(schema) : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const declared = schema?.properties?.[k];
        return [declared ? celPropertyName(k) : k, toCel(declared ?? extra, v)];
      }),
    );
  }
  return value;
}

/** The error text of a CEL failure without the library's source excerpt. */
export function celErrorText(err: unknown): string {
  if (err instanceof Error) {
    const summary = (err as Error & { summary?: unknown }).summary;
    return typeof summary === 'string' && summary ? summary : (err.message.split('\n')[0] ?? '');
  }
  return String(err);
}
