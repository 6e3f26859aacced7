const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const REDACTED = '<redacted>';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function redactSecret(secret: Json): Json {
  const out: Json = { ...secret };
  for (const field of ['data', 'stringData']) {
    const values = secret[field];
    if (isObject(values)) {
      out[field] = Object.fromEntries(Object.keys(values).map((k) => [k, REDACTED]));
    }
  }
  // kubectl keeps a full copy of the applied Secret, values included, in this annotation.
  const meta = secret.metadata;
  if (isObject(meta) && isObject(meta.annotations) && LAST_APPLIED in meta.annotations) {
    out.metadata = { ...meta, annotations: { ...meta.annotations, [LAST_APPLIED]: REDACTED } };
  }
  return out;
}

/**
 * Replaces Secret values anywhere in a Kubernetes answer: a Secret, a SecretList (whose items
 * carry no kind), a mixed List, or a watch event's object. Keys stay visible; values never do.
 * `fromSecretsPath` marks answers of a `/secrets` path, whose objects may lack `kind`.
 */
export function redactSecrets(value: unknown, fromSecretsPath = false): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, fromSecretsPath));
  if (!isObject(value)) return value;
  if (value.kind === 'Secret') return redactSecret(value);
  if (Array.isArray(value.items)) {
    const secretItems = fromSecretsPath || value.kind === 'SecretList';
    return {
      ...value,
      items: value.items.map((item) =>
        secretItems && isObject(item) ? redactSecret(item) : redactSecrets(item),
      ),
    };
  }
  return fromSecretsPath && value.kind === undefined ? redactSecret(value) : value;
}

/** True when a path names Secrets, whose list items and watch objects may lack `kind`. */
export function pathIsSecrets(path: string): boolean {
  return /\/secrets(\/|$)/.test(path.split('?')[0] ?? '');
}
