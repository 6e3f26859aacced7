// Protocol Buffers wire format writer: proto3 fields by number, skipping default values as proto3
// encoders do. Enough to encode the messages the server answers in protobuf.
const utf8 = new TextEncoder();

export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private varint(value: number): void {
    const out: number[] = [];
    let v = BigInt.asUintN(64, BigInt(Math.trunc(value)));
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
    this.push(Uint8Array.from(out));
  }

  private key(num: number, wire: 0 | 1 | 2): void {
    this.varint(num * 8 + wire);
  }

  string(num: number, value: string | undefined): this {
    if (value) this.bytes(num, utf8.encode(value));
    return this;
  }

  strings(num: number, values: readonly string[] | undefined): this {
    // Repeated strings keep empty entries: only a missing field is a default.
    for (const v of values ?? []) this.bytes(num, utf8.encode(v));
    return this;
  }

  bool(num: number, value: boolean | undefined): this {
    if (value) {
      this.key(num, 0);
      this.varint(1);
    }
    return this;
  }

  /** A bool with presence (a oneof member): written even when false. */
  presentBool(num: number, value: boolean): this {
    this.key(num, 0);
    this.varint(value ? 1 : 0);
    return this;
  }

  int64(num: number, value: number | undefined): this {
    if (value) {
      this.key(num, 0);
      this.varint(value);
    }
    return this;
  }

  double(num: number, value: number | undefined): this {
    if (value) {
      this.key(num, 1);
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, value, true);
      this.push(b);
    }
    return this;
  }

  /** A length-delimited field: an embedded message or raw bytes. Written even when empty. */
  bytes(num: number, value: Uint8Array): this {
    this.key(num, 2);
    this.varint(value.length);
    this.push(value);
    return this;
  }

  message(num: number, write: ((w: ProtoWriter) => void) | undefined): this {
    if (!write) return this;
    const inner = new ProtoWriter();
    write(inner);
    return this.bytes(num, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
