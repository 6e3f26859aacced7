/**
 * Typed errors that handlers throw; the error middleware maps each to a status and the fixed body
 * `{error: {name, message, details?}, request}`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(400, message, details);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Sign in to continue.') {
    super(401, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(409, message, details);
  }
}

/** The request is larger than the endpoint accepts; nothing was changed. */
export class PayloadTooLargeError extends HttpError {
  constructor(message: string) {
    super(413, message);
  }
}

/** The request is well formed but Kargo would refuse it (e.g. freight not available to the stage). */
export class UnprocessableError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(422, message, details);
  }
}

/** Kubernetes could not be reached or answered with a server error. */
export class UpstreamError extends HttpError {
  constructor(message: string, status = 502) {
    super(status, message);
  }
}
