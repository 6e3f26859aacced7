import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '@wharf/shared/api';
import { ZodError } from 'zod';
import { KubeApiError, toHttpError } from '../kube/kube-api-error.js';
import { HttpError, InputError, NotFoundError, PayloadTooLargeError } from './http-errors.js';

function describeZod(err: ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Errors of other modules (identity) that carry an HTTP status of their own. */
function isStatusError(err: unknown): err is Error & { status: number; details?: unknown } {
  if (!(err instanceof Error) || !('status' in err)) return false;
  const status = err.status;
  return typeof status === 'number' && status >= 400 && status < 600;
}

/** body-parser's refusal of a body over its limit (`limit` in bytes). */
function tooLarge(err: unknown): PayloadTooLargeError | undefined {
  if (!(err instanceof Error) || !('type' in err) || err.type !== 'entity.too.large') return;
  const limit = 'limit' in err && typeof err.limit === 'number' ? err.limit : undefined;
  const kb = limit === undefined ? 'the limit' : `${Math.round(limit / 1024)} KiB`;
  return new PayloadTooLargeError(
    `The request body is larger than ${kb}, the most this endpoint accepts; nothing was changed.`,
  );
}

/** Maps any thrown error to a typed HttpError; unknown errors become a 500 without internals. */
export function toHttp(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const large = tooLarge(err);
  if (large) return large;
  if (err instanceof KubeApiError) return toHttpError(err);
  const fromClient = KubeApiError.fromClientNode(err);
  if (fromClient) return toHttpError(fromClient);
  if (err instanceof ZodError) return new InputError(describeZod(err), err.issues);
  if (isStatusError(err)) return new HttpError(err.status, err.message, err.details);
  if (err instanceof SyntaxError && 'body' in err) {
    return new InputError(`The request body is not valid JSON: ${err.message}`);
  }
  return new HttpError(500, 'Something went wrong on the server; the request id is in its log.');
}

/** The one place errors turn into responses: `{error: {name, message, details?}, request}`. */
export function errorMiddleware(opts: { showStacks: boolean }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const http = toHttp(err);
    if (http.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ status: http.status, error: http.message }, 'request refused');
    const body: ApiError & { stack?: string } = {
      error: {
        name: http.name,
        message: http.message,
        ...(http.details !== undefined ? { details: http.details } : {}),
      },
      request: String(req.id),
    };
    if (opts.showStacks && err instanceof Error && err.stack) body.stack = err.stack;
    res.status(http.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req) => {
  throw new NotFoundError(`There is no API endpoint ${req.method} ${req.originalUrl}.`);
};
