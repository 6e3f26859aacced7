import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '@wharf/shared/api';
import { toHttp } from '../errors/error-middleware.js';
import {
  ConflictError,
  ForbiddenError,
  HttpError,
  InputError,
  NotFoundError,
  UnauthorizedError,
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

/**
 * The identity and roles routers answer their own errors with the BFF's fixed body, so they
 * behave the same mounted in the app or alone.
 */
export const identityErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  const http = toHttp(err);
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
