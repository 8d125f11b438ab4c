/**
 * A fluent builder for protocol bytes in tests, written the slow, obvious way (one Buffer per field,
 * Buffer.concat at the end) so that expected bytes do not share code with what they check.
 */
export class ByteBuilder {
  private readonly parts: Buffer[] = [];

  byte(value: number): this {
    this.parts.push(Buffer.from([value & 0xff]));
    return this;
  }

  /** A single ASCII character, e.g. a message kind 'S'/'P'. */
  char(value: string): this {
    return this.byte(value.charCodeAt(0));
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    if (value < 0) b.writeInt16BE(value);
    else b.writeUInt16BE(value);
    this.parts.push(b);
    return this;
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    if (value < 0) b.writeInt32BE(value);
    else b.writeUInt32BE(value);
    this.parts.push(b);
    return this;
  }

  /** UTF-8 bytes followed by NUL. */
  cstring(value: string): this {
    this.parts.push(Buffer.from(value, 'utf8'), Buffer.from([0]));
    return this;
  }

  /** UTF-8 bytes, unterminated. */
  string(value: string): this {
    this.parts.push(Buffer.from(value, 'utf8'));
    return this;
  }

  bytes(value: Buffer | number[]): this {
    this.parts.push(Buffer.from(value));
    return this;
  }

  /** Int32 length (counting itself) and value bytes, or -1 for null: the Bind/DataRow value layout. */
  lengthPrefixed(value: Buffer | string | null): this {
    if (value === null) return this.int32(-1);
    const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    return this.int32(b.length).bytes(b);
  }

  get length(): number {
    return this.parts.reduce((n, b) => n + b.length, 0);
  }

  /** Just the bytes added so far. */
  raw(): Buffer {
    return Buffer.concat(this.parts);
  }

  /** A typed message: type byte, Int32 length (including itself), body. */
  frame(type: string): Buffer {
    const body = this.raw();
    const header = Buffer.alloc(5);
    header[0] = type.charCodeAt(0);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  }

  /** A startup-phase packet: Int32 length (including itself), body; no type byte. */
  packet(): Buffer {
    const body = this.raw();
    const header = Buffer.alloc(4);
    header.writeInt32BE(body.length + 4, 0);
    return Buffer.concat([header, body]);
  }
}

export function bytes(): ByteBuilder {
  return new ByteBuilder();
}
