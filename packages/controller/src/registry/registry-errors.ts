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

/** Turns what the HTTP client threw into one sentence about `what` on `host`. */
export function describeFailure(
  err: unknown,
  host: string,
  what: string,
  hint: { credentials?: string; noCredentials: string },
): RegistryError {
  const e = (err ?? {}) as HttpFailure;
  const detail = e.message || e.code || String(err);
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
