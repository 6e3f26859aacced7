import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '@wharf/shared/api';
import {
  ConflictError,
  ForbiddenError,
  HttpError,
  InputError,
  NotFoundError,
  UnauthorizedError,
  UpstreamError,
} from '../errors/http-errors.js';

export { ConflictError, HttpError, InputError, NotFoundError, UnauthorizedError };

/** A 403 that also says, in `details`, what was missing and which roles the caller has. */
export class AccessDeniedError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(403, message, details);
    this.name = 'ForbiddenError';
  }
}

export { ForbiddenError };

/** Kubernetes did not issue a requested token in time. */
export class TokenNotIssuedError extends HttpError {
  constructor(message: string) {
    super(504, message);
  }
}

/** @kubernetes/client-node's generated APIs throw `{code, body}`; say it in the API's terms. */
function fromKubeClient(err: unknown): HttpError | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err) || typeof err.code !== 'number') {
    return undefined;
  }
  const code = err.code;
  let message = 'Kubernetes refused the request.';
  const body = 'body' in err ? err.body : undefined;
  if (typeof body === 'string') {
    try {
      const status: unknown = JSON.parse(body);
      if (typeof status === 'object' && status !== null && 'message' in status) {
        message = `Kubernetes refused the request: ${String(status.message)}`;
      }
    } catch {
      message = `Kubernetes refused the request: ${body.slice(0, 300)}`;
    }
  }
  if (code === 403) return new ForbiddenError(message);
  if (code === 404) return new NotFoundError(message);
  if (code === 409) return new ConflictError(message);
  if (code >= 400 && code < 500) return new HttpError(code, message);
  return new UpstreamError(message);
}

/**
 * The identity and roles routers answer their own errors with the BFF's fixed body, so they
 * behave the same mounted in the app or alone.
 */
export const identityErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  const http =
    err instanceof HttpError
      ? err
      : (fromKubeClient(err) ?? new HttpError(500, 'Internal error; see the server log.'));
  if (http.status >= 500) console.error(err);
  const id = (req as { id?: unknown }).id;
  const body: ApiError = {
    error: {
      name: http.name,
      message: http.message,
      ...(http.details !== undefined ? { details: http.details } : {}),
    },
    request: typeof id === 'string' || typeof id === 'number' ? String(id) : '',
  };
  res.status(http.status).json(body);
};
