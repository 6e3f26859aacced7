import type { FieldCause } from '@wharf/shared/authoring';
import { toHttp } from '../errors/error-middleware.js';
import type { HttpError } from '../errors/http-errors.js';
import { ConflictError, InputError, UnprocessableError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { lineInMessage, type ParsedManifest } from '@wharf/shared/authoring';

/** `strict decoding error: unknown field "spec.foo"`: Kubernetes names the field only in words. */
function unknownFields(message: string): string[] {
  return [...message.matchAll(/unknown field "([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** Kubernetes' causes, each placed on its line of the manifest when the manifest has that field. */
export function causesOf(err: KubeApiError, manifest?: ParsedManifest): FieldCause[] {
  const withLine = (c: FieldCause): FieldCause => {
    const line = c.field ? manifest?.lineOf(c.field) : lineInMessage(c.message);
    return line ? { ...c, line } : c;
  };
  if (err.causes.length > 0) return err.causes.map(withLine);
  const fields = unknownFields(err.message);
  if (fields.length > 0)
    return fields.map((field) =>
      withLine({ field, message: `unknown field "${field}"`, reason: 'FieldValueInvalid' }),
    );
  const line = manifest ? undefined : lineInMessage(err.message);
  return [
    {
      message: err.message,
      ...(err.reason ? { reason: err.reason } : {}),
      ...(line ? { line } : {}),
    },
  ];
}

/**
 * Turns Kubernetes' refusal of a write into the API's error, Kubernetes' own words first:
 * 400/422 carry `{causes}` on fields and lines; a 409 on update carries what is stored now.
 */
export function writeRefusal(
  err: unknown,
  manifest: ParsedManifest | undefined,
  current?: () => Promise<unknown>,
): Promise<HttpError> | HttpError {
  if (!(err instanceof KubeApiError)) return toHttp(err);
  const details = { causes: causesOf(err, manifest) };
  switch (err.status) {
    case 400:
      return new InputError(err.message, details);
    case 422:
      return new UnprocessableError(err.message, details);
    case 409:
      if (err.reason === 'Conflict' && current)
        return current().then(
          (object) =>
            new ConflictError(
              `Someone changed this object since you opened it; nothing was saved. ${err.message}`,
              { current: object },
            ),
          () => new ConflictError(err.message, details),
        );
      return new ConflictError(err.message, details);
    default:
      return toHttp(err);
  }
}
