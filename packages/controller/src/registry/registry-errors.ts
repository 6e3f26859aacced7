/** A registry or repository refused or failed a request; the message says what to do. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const TLS_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|EPROTO|wrong version number|unable to verify/i;

interface HttpFailure {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** The registry's own words: a raw body the client serialized as a Buffer, or its `errors[0]`. */
function readable(detail: string): string {
  let text = detail;
  try {
    const parsed = JSON.parse(text) as { type?: string; data?: number[] };
    if (parsed.type === 'Buffer' && Array.isArray(parsed.data))
      text = Buffer.from(parsed.data).toString('utf8');
    const body = JSON.parse(text) as { errors?: { message?: string; code?: string }[] };
    const first = body.errors?.[0];
    if (first) return first.message ?? first.code ?? text;
  } catch {
    /* not JSON: the text is what the server said */
  }
  return text.trim();
}

/** Turns what the HTTP client threw into one sentence about `what` on `host`. */
export function describeFailure(
  err: unknown,
  host: string,
  what: string,
  hint: { credentials?: string; noCredentials: string },
): RegistryError {
  const e = (err ?? {}) as HttpFailure;
  const detail = readable(e.message || e.code || String(err));
  const status = e.statusCode;
  if (status === 401 || status === 403)
    return new RegistryError(
      `${host} refused access to ${what} (HTTP ${status}: ${detail}); ${
        hint.credentials
          ? `the credentials in Secret "${hint.credentials}" were refused`
          : hint.noCredentials
      }`,
      status,
    );
  if (status === 404)
    return new RegistryError(`${what} was not found on ${host} (HTTP 404: ${detail})`, status);
  if (status)
    return new RegistryError(`${host} answered HTTP ${status} for ${what}: ${detail}`, status);
  if (TLS_CODES.test(`${e.code ?? ''} ${detail}`))
    return new RegistryError(
      `TLS verification of ${host} failed (${e.code ?? detail}); set insecureSkipTLSVerify: true on the subscription only if you trust this server`,
    );
  return new RegistryError(`cannot reach ${host} for ${what}: ${detail}`);
}
