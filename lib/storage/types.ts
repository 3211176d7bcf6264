import type { Readable } from "node:stream";

export interface StoredObject {
  /** Bytes in the whole object. */
  size: number;
}

/** A byte range, both ends inclusive, as in `Range: bytes=start-end`. */
export interface ObjectRange {
  start: number;
  end: number;
}

/**
 * Where document files live (DOC-6). Every method streams: no file is ever held in memory whole.
 * Keys come from `newObjectKey` (lib/storage/keys.ts); a key outside `[a-z0-9/-]` is refused.
 */
export interface ObjectStore {
  /**
   * Streams `body` into `key`; on any error nothing is left under the key. With `size`, a body of
   * any other length is an error (and stores nothing).
   */
  put(
    key: string,
    body: NodeJS.ReadableStream | Readable,
    opts?: { contentType?: string; size?: number },
  ): Promise<StoredObject>;
  /**
   * Copies a local file into `key` (local driver: a clone or kernel copy; S3: streamed multipart).
   * With `move`, the file is the caller's to give away: the local driver renames it into place when
   * it is on the same file system (no second write of the bytes), else copies it.
   */
  putFile(key: string, filePath: string, opts?: { contentType?: string; move?: boolean }): Promise<StoredObject>;
  /**
   * A folder where an upload should be spooled so that `putFile(…, { move: true })` can rename it
   * (the local driver's own file system); none for remote stores.
   */
  readonly spoolDirectory?: string;
  /**
   * A readable stream of the whole object or a byte range; throws ObjectNotFoundError when absent
   * and a RangeError for a range outside the object. `size` is always the whole object's size
   * (what `Content-Range: bytes a-b/size` needs), not the length of the range.
   */
  get(key: string, range?: ObjectRange): Promise<{ stream: Readable; size: number }>;
  head(key: string): Promise<StoredObject | null>;
  /** Idempotent. */
  delete(key: string): Promise<void>;
}

/** Throws a RangeError unless `range` lies inside an object of `size` bytes. */
export function assertRange(range: ObjectRange, size: number): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= size)
    throw new RangeError(`Range ${start}-${end} is outside an object of ${size} bytes`);
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}`);
    this.name = "ObjectNotFoundError";
  }
}
