import type { AdmissionResponse } from './hook-types.js';

export const allow = (patchedObject?: object): AdmissionResponse =>
  patchedObject
    ? { allowed: true, patchedObject: patchedObject as Record<string, unknown> }
    : { allowed: true };

export const deny = (code: number, message: string, field?: string): AdmissionResponse => ({
  allowed: false,
  code,
  message,
  ...(field ? { causes: [{ field, message, type: 'FieldValueInvalid' }] } : {}),
});

/** Thrown inside a hook to refuse the request with a status code. */
export class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Runs a hook body, turning Refusals into denials; other errors are 500s that name the hook. */
export async function guard(
  hook: string,
  body: () => Promise<AdmissionResponse>,
): Promise<AdmissionResponse> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof Refusal) return deny(err.code, err.message, err.field);
    return deny(500, `${hook} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
