// Reads a request body as JSON or YAML.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { errors } from '../errors/status.js';
import { decodeProtobuf } from '../protobuf/decode.js';

const MAX_BODY = 8 * 1024 * 1024;

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    size += b.length;
    if (size > MAX_BODY) throw errors.badRequest('request body too large: the limit is 8MiB');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function mediaType(req: IncomingMessage): string {
  return (
    (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? ''
  );
}

export function parseBody(raw: Buffer, type: string): unknown {
  // client-go (kubectl ≥ 1.32) sends built-in kinds as protobuf.
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobuf(raw);
  if (type.includes('cbor'))
    throw errors.unsupportedMediaType([
      'application/json',
      'application/yaml',
      'application/vnd.kubernetes.protobuf',
    ]);
  const text = raw.toString('utf8');
  if (!text.trim())
    throw errors.badRequest('the request body is empty: send a JSON or YAML object');
  try {
    return type.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(
      `the request body could not be decoded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
