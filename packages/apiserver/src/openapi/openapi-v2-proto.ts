// The OpenAPI v2 document in protobuf, as kube-apiserver serves it to clients that ask for
// application/com.github.proto-openapi.spec.v2@v1.0+protobuf (kubectl does, and parses nothing
// else). The messages are gnostic's openapi.v2 (Document, Schema, NamedAny…); values that are
// free-form JSON (default, enum, example, x- extensions) travel as YAML text in `Any.yaml`.
import { stringify } from 'yaml';
import { ProtoWriter } from '../protobuf/writer.js';
import type { JsonObject } from '../util/kobj.js';

export const OPENAPI_V2_PROTO = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/**
 * The older spelling, also accepted. It is also the Content-Type of every protobuf answer: `@` is
 * not allowed in a media type, and Go's mime parser (client-go's) refuses the newer one.
 */
export const OPENAPI_V2_PROTO_DOTTED = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

/** gnostic Any: the value as YAML. */
const any = (value: unknown) => (w: ProtoWriter) => w.string(2, stringify(value));

function vendorExtensions(w: ProtoWriter, num: number, obj: JsonObject): void {
  for (const [name, value] of Object.entries(obj))
    if (name.startsWith('x-')) w.message(num, (e) => e.string(1, name).message(2, any(value)));
}

function schema(s: JsonObject) {
  return (w: ProtoWriter) => {
    w.string(1, str(s.$ref))
      .string(2, str(s.format))
      .string(3, str(s.title))
      .string(4, str(s.description))
      .message(5, s.default === undefined ? undefined : any(s.default))
      .double(6, num(s.multipleOf))
      .double(7, num(s.maximum))
      .bool(8, bool(s.exclusiveMaximum))
      .double(9, num(s.minimum))
      .bool(10, bool(s.exclusiveMinimum))
      .int64(11, num(s.maxLength))
      .int64(12, num(s.minLength))
      .string(13, str(s.pattern))
      .int64(14, num(s.maxItems))
      .int64(15, num(s.minItems))
      .bool(16, bool(s.uniqueItems))
      .int64(17, num(s.maxProperties))
      .int64(18, num(s.minProperties))
      .strings(
        19,
        Array.isArray(s.required) ? s.required.filter((r) => typeof r === 'string') : [],
      );
    for (const value of Array.isArray(s.enum) ? s.enum : []) w.message(20, any(value));
    const extra = s.additionalProperties;
    if (isObject(extra)) w.message(21, (a) => a.message(1, schema(extra)));
    else if (typeof extra === 'boolean') w.message(21, (a) => a.presentBool(2, extra));
    if (typeof s.type === 'string') w.message(22, (t) => t.strings(1, [s.type as string]));
    const items = s.items;
    if (isObject(items)) w.message(23, (i) => i.message(1, schema(items)));
    const props = s.properties;
    // Present even when empty: kubectl tells an object with no fields from a free-form map by it.
    if (isObject(props)) w.message(25, namedSchemas(props));
    w.bool(27, bool(s.readOnly)).message(30, s.example === undefined ? undefined : any(s.example));
    vendorExtensions(w, 31, s);
  };
}

/** Properties and Definitions: `repeated NamedSchema additional_properties = 1`. */
function namedSchemas(map: JsonObject) {
  return (w: ProtoWriter) => {
    for (const [name, value] of Object.entries(map))
      if (isObject(value)) w.message(1, (n) => n.string(1, name).message(2, schema(value)));
  };
}

export function openapiV2Proto(doc: JsonObject): Uint8Array {
  const info = isObject(doc.info) ? doc.info : {};
  const w = new ProtoWriter()
    .string(1, str(doc.swagger))
    .message(2, (i) => i.string(1, str(info.title)).string(2, str(info.version)))
    // Paths are not served in v2 here (kubectl reads operations from v3).
    .message(8, () => undefined)
    .message(9, namedSchemas(isObject(doc.definitions) ? doc.definitions : {}));
  vendorExtensions(w, 16, doc);
  return w.finish();
}
