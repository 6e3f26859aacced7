/**
 * The BFF refuses state-changing calls without this header (`CSRF_HEADER` in @wharf/shared/api;
 * repeated here so the first screen does not load the zod schemas; a test keeps them equal).
 */
export const CSRF_HEADER = 'x-wharf-csrf';

/** A failed API call: the HTTP status plus the server's readable message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    override readonly name = 'HttpError',
    /** `error.details` of the BFF's answer (e.g. Kubernetes' causes, or the current object on a 409). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called on every 401 so the app can send the user to the login page (and back afterwards). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Tells the app the session is gone (also used by socket joins answered with UnauthorizedError). */
export function notifyUnauthorized(): void {
  unauthorizedListeners.forEach((l) => l());
}

/** Reads `{error: {message, details}}` bodies written by the BFF's error middleware. */
async function errorBody(res: Response): Promise<{ message: string; details?: unknown }> {
  const text = await res.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const err = (body as { error: unknown }).error;
      if (typeof err === 'string') return { message: err };
      if (err && typeof err === 'object' && 'message' in err)
        return {
          message: String(err.message),
          ...('details' in err ? { details: err.details } : {}),
        };
    }
  } catch {
    // not JSON: use the text below
  }
  return { message: text.trim() || `${res.status} ${res.statusText}` };
}

/** JSON over fetch, relative to the page's base so Wharf works under a sub-path. */
export async function api<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  parse: (body: unknown) => T = (body) => body as T,
): Promise<T> {
  const res = await fetch(`api/v1/${path.replace(/^\//, '')}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      // The BFF refuses state-changing calls without it (CSRF guard).
      ...(init.method && init.method !== 'GET' ? { [CSRF_HEADER]: '1' } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (res.status === 401) notifyUnauthorized();
  if (!res.ok) {
    const { message, details } = await errorBody(res);
    throw new HttpError(res.status, message, 'HttpError', details);
  }
  return parse(res.status === 204 ? undefined : await res.json());
}

/** Encodes one path segment (names come from users and Kubernetes). */
export const seg = (s: string) => encodeURIComponent(s);
