const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const REDACTED = '<redacted>';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const kindOf = (v: Json) => (typeof v.kind === 'string' ? v.kind.toLowerCase() : undefined);

/** Keys stay visible; values, and kubectl's full copy of the applied object, never do. */
function redactSecret(secret: Json): Json {
  const out: Json = { ...secret };
  for (const field of ['data', 'stringData']) {
    const values = secret[field];
    if (isObject(values)) {
      out[field] = Object.fromEntries(Object.keys(values).map((k) => [k, REDACTED]));
    } else if (values !== undefined) out[field] = REDACTED;
  }
  const meta = secret.metadata;
  if (isObject(meta) && isObject(meta.annotations) && LAST_APPLIED in meta.annotations) {
    out.metadata = { ...meta, annotations: { ...meta.annotations, [LAST_APPLIED]: REDACTED } };
  }
  return out;
}

/** A watch event: `{type, object}` (the object is what may be a Secret, not the wrapper). */
const isWatchEvent = (v: Json) => typeof v.type === 'string' && 'object' in v && !('kind' in v);

/**
 * Replaces Secret values anywhere in a Kubernetes answer: a Secret, any list (SecretList items
 * carry no kind), a mixed `kind: List`, a watch event's object, a Table row's object.
 * `secrets` marks answers to a request for Secrets, whose objects may lack `kind` entirely:
 * everything in such an answer except a Status is treated as a Secret.
 */
export function redactSecrets(value: unknown, secrets = false): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secrets));
  if (!isObject(value)) return value;
  if (isWatchEvent(value)) return { ...value, object: redactSecrets(value.object, secrets) };
  const kind = kindOf(value);
  if (kind === 'secret') return redactSecret(value);
  if (kind === 'status') return value;
  if (Array.isArray(value.items)) {
    const allSecrets = secrets || kind === 'secretlist';
    return {
      ...value,
      items: value.items.map((item) =>
        allSecrets && isObject(item) && kindOf(item) !== 'status'
          ? redactSecret(item)
          : redactSecrets(item),
      ),
    };
  }
  if (kind === 'table' && Array.isArray(value.rows)) {
    return {
      ...value,
      rows: value.rows.map((row) =>
        isObject(row) ? { ...row, object: redactSecrets(row.object, secrets) } : row,
      ),
    };
  }
  return secrets ? redactSecret(value) : value;
}
