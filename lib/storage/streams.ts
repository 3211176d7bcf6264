import { Readable, Transform, type TransformCallback } from "node:stream";

/** A Node Readable for either kind of Node stream a caller may hand over. */
export function asReadable(body: NodeJS.ReadableStream | Readable): Readable {
  return body instanceof Readable ? body : new Readable({ objectMode: false }).wrap(body);
}

/**
 * Passes bytes through and counts them; with `expected`, a body of another length fails the
 * stream (before it ends, so the writer behind it stores nothing).
 */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.bytes += buffer.length;
    if (this.expected !== undefined && this.bytes > this.expected)
      return done(new Error(`The body is longer than the declared ${this.expected} bytes`));
    done(null, buffer);
  }

  override _flush(done: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected)
      return done(new Error(`The body has ${this.bytes} bytes, not the declared ${this.expected}`));
    done();
  }
}
