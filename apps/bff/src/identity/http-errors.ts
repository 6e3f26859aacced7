import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '@wharf/shared/api';

/** An error that knows its HTTP status; the name is the wire `error.name`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Sign in first: no valid session cookie was sent.') {
    super(401, 'UnauthorizedError', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(403, 'ForbiddenError', message, details);
  }
}

export class InputError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(400, 'InputError', message, details);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, 'NotFoundError', message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'ConflictError', message);
  }
}

/** Maps thrown errors to the fixed error body; used by the identity and roles routers. */
export const identityErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = err instanceof HttpError ? err : undefined;
  const status = known?.status ?? kubeStatus(err) ?? 500;
  const body: ApiError = {
    error: {
      name: known?.name ?? (status === 500 ? 'InternalError' : 'KubernetesError'),
      message: known?.message ?? kubeMessage(err) ?? 'Internal error; see the server log.',
      ...(known?.details !== undefined ? { details: known.details } : {}),
    },
    request: req.get('x-request-id') ?? '',
  };
  res.status(status).json(body);
};

/** Kubernetes client errors carry the API server's status code and a Status body. */
function kubeStatus(err: unknown): number | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : undefined;
}

function kubeMessage(err: unknown): string | undefined {
  if (kubeStatus(err) === undefined || typeof err !== 'object' || err === null) return undefined;
  const body = 'body' in err ? err.body : undefined;
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
        return `Kubernetes refused: ${String(parsed.message)}`;
      }
    } catch {
      return `Kubernetes refused: ${body}`;
    }
  }
  return 'Kubernetes refused the request.';
}
