import {
  ConflictError,
  ForbiddenError,
  HttpError,
  InputError,
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
  UpstreamError,
} from '../errors/http-errors.js';

/** What a request says when Kubernetes stopped accepting the caller's credentials. */
export const CREDENTIALS_REFUSED =
  'Kubernetes no longer accepts your credentials (the token expired or was revoked, or its ServiceAccount was deleted); sign in again.';

/** One `Status.details.causes[]` entry: which field Kubernetes refused, and why. */
export interface KubeStatusCause {
  field?: string;
  message: string;
  reason?: string;
}

/** A non-2xx answer of the Kubernetes API, carrying its `Status` reason, message and causes. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly causes: KubeStatusCause[] = [],
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  static fromBody(status: number, body: Buffer): KubeApiError {
    let reason = '';
    let message = body.toString('utf8').slice(0, 500) || `HTTP ${status}`;
    let causes: KubeStatusCause[] = [];
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (parsed && typeof parsed === 'object') {
        const s = parsed as { reason?: unknown; message?: unknown; details?: unknown };
        if (typeof s.reason === 'string') reason = s.reason;
        if (typeof s.message === 'string') message = s.message;
        causes = causesOf(s.details);
      }
    } catch {
      // Not a Status object; keep the raw text.
    }
    return new KubeApiError(status, reason, message, causes);
  }

  /** @kubernetes/client-node's generated APIs throw `{code, body}`; read it as a KubeApiError. */
  static fromClientNode(err: unknown): KubeApiError | undefined {
    if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
    const code = err.code;
    if (typeof code !== 'number' || code < 400 || code > 599) return undefined;
    const body = 'body' in err ? err.body : undefined;
    const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
    return KubeApiError.fromBody(code, Buffer.from(text));
  }
}

/** Says what Kubernetes refused in the terms of the HTTP API the browser sees. */
export function toHttpError(err: KubeApiError): HttpError {
  const msg = `Kubernetes refused the request: ${err.message}`;
  switch (err.status) {
    case 400:
      return new InputError(msg);
    case 401:
      return new UnauthorizedError(CREDENTIALS_REFUSED);
    case 403:
      return new ForbiddenError(msg);
    case 404:
      return new NotFoundError(err.message);
    case 409:
      return new ConflictError(msg);
    case 422:
      return new UnprocessableError(msg);
    default:
      return err.status >= 500 || err.status === 0
        ? new UpstreamError(msg)
        : new HttpError(err.status, msg);
  }
}

function causesOf(details: unknown): KubeStatusCause[] {
  if (!details || typeof details !== 'object' || !('causes' in details)) return [];
  const list = (details as { causes?: unknown }).causes;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown) => {
    if (!c || typeof c !== 'object') return [];
    const { field, message, reason } = c as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    return [
      {
        message,
        ...(typeof field === 'string' && field ? { field } : {}),
        ...(typeof reason === 'string' && reason ? { reason } : {}),
      },
    ];
  });
}
