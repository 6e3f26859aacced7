// Decodes a Kubernetes protobuf body ("k8s\0" + runtime.Unknown envelope) into the JSON object
// the same request would have carried as application/json.
import { errors } from '../errors/status.js';
import { KINDS, type FieldType, type Msg } from './messages.js';
import { readFields } from './wire.js';

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const utf8 = new TextDecoder();

function scalar(type: FieldType, f: { varint?: bigint; bytes?: Uint8Array }): unknown {
  if (type === 'string') return utf8.decode(f.bytes ?? new Uint8Array());
  if (type === 'bytes') return Buffer.from(f.bytes ?? new Uint8Array()).toString('base64');
  if (type === 'int') return Number(BigInt.asIntN(64, f.varint ?? 0n));
  if (type === 'bool') return (f.varint ?? 0n) !== 0n;
  if (type === 'time') {
    const t = message(
      { fields: { 1: { name: 's', type: 'int' }, 2: { name: 'n', type: 'int' } } },
      f.bytes ?? new Uint8Array(),
    );
    return new Date(Number(t.s ?? 0) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  }
  return undefined;
}

function message(msg: Msg, buf: Uint8Array): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readFields(buf)) {
    const def = msg.fields[f.num];
    if (!def) continue;
    if (typeof def.type === 'object' && 'map' in def.type) {
      const entry = readFields(f.bytes ?? new Uint8Array());
      const k = entry.find((e) => e.num === 1);
      const v = entry.find((e) => e.num === 2);
      const vt = def.type.map;
      const val =
        typeof vt === 'object'
          ? message(vt, v?.bytes ?? new Uint8Array())
          : scalar(vt, v ?? { bytes: new Uint8Array() });
      const map = (out[def.name] ??= {}) as Record<string, unknown>;
      // ExtraValue is a wrapper around a string list.
      map[utf8.decode(k?.bytes ?? new Uint8Array())] =
        typeof vt === 'object' ? ((val as { items?: unknown }).items ?? []) : val;
      continue;
    }
    const value =
      typeof def.type === 'object'
        ? message(def.type, f.bytes ?? new Uint8Array())
        : scalar(def.type, f);
    if (def.repeated) ((out[def.name] ??= []) as unknown[]).push(value);
    else out[def.name] = value;
  }
  return out;
}

export function decodeProtobuf(buf: Buffer): Record<string, unknown> {
  if (buf.length < 4 || MAGIC.some((b, i) => buf[i] !== b))
    throw errors.badRequest('protobuf body does not start with the Kubernetes magic prefix');
  try {
    const env = readFields(buf.subarray(4));
    const typeMeta = readFields(env.find((f) => f.num === 1)?.bytes ?? new Uint8Array());
    const apiVersion = utf8.decode(typeMeta.find((f) => f.num === 1)?.bytes ?? new Uint8Array());
    const kind = utf8.decode(typeMeta.find((f) => f.num === 2)?.bytes ?? new Uint8Array());
    const msg = KINDS[`${apiVersion}/${kind}`];
    if (!msg) throw errors.unsupportedMediaType(['application/json', 'application/yaml']);
    const raw = env.find((f) => f.num === 2)?.bytes ?? new Uint8Array();
    return { apiVersion, kind, ...message(msg, raw) };
  } catch (e) {
    if (e instanceof Error && 'code' in e) throw e;
    throw errors.badRequest(
      `the protobuf request body could not be decoded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
