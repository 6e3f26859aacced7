// metav1.Status errors worded as the Kubernetes API server words them.
import type { JsonObject } from '../util/kobj.js';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    return statusObject(this.code, this.reason, this.message, this.details);
  }
}

export function statusObject(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** "configmaps" or "stages.kargo.akuity.io", as Kubernetes names a group resource in messages. */
export function qualified(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const errors = {
  notFound: (group: string, resource: string, name: string) =>
    new ApiError(404, 'NotFound', `${qualified(group, resource)} "${name}" not found`, {
      name,
      ...(group ? { group } : {}),
      kind: resource,
    }),
  pathNotFound: () =>
    new ApiError(404, 'NotFound', 'the server could not find the requested resource', {}),
  alreadyExists: (group: string, resource: string, name: string) =>
    new ApiError(409, 'AlreadyExists', `${qualified(group, resource)} "${name}" already exists`, {
      name,
      ...(group ? { group } : {}),
      kind: resource,
    }),
  conflict: (group: string, resource: string, name: string, why?: string) =>
    new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(group, resource)} "${name}": ${
        why ??
        'the object has been modified; please apply your changes to the latest version and try again'
      }`,
      { name, ...(group ? { group } : {}), kind: resource },
    ),
  invalid: (group: string, kind: string, name: string, causes: StatusCause[]) => {
    const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    const agg = parts.length === 1 ? (parts[0] ?? '') : `[${parts.join(', ')}]`;
    return new ApiError(
      422,
      'Invalid',
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${agg}`,
      {
        name,
        ...(group ? { group } : {}),
        kind,
        causes,
      },
    );
  },
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  forbidden: (group: string, resource: string, name: string | undefined, why: string) =>
    new ApiError(
      403,
      'Forbidden',
      `${qualified(group, resource)}${name ? ` "${name}"` : ''} is forbidden: ${why}`,
      { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource },
    ),
  forbiddenPath: (why: string) => new ApiError(403, 'Forbidden', `forbidden: ${why}`, {}),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  methodNotAllowed: () =>
    new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    ),
  unsupportedMediaType: (accepted: string[]) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    ),
  gone: (rv: number, current: number) =>
    new ApiError(410, 'Expired', `too old resource version: ${rv} (${current})`),
  internal: (message: string) =>
    new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, {
      causes: [{ reason: '', message }],
    }),
};
