import yauzl, { type Entry, type ZipFile } from "yauzl";

/** Thrown when a ZIP cannot be read: no central directory, bad entry, an entry over its cap. */
export class BrokenZipError extends Error {}

/** Most entries an accepted document may have; real ones have a few dozen to a few thousand. */
export const MAX_ZIP_ENTRIES = 20_000;

function openZip(filePath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new BrokenZipError(error?.message ?? "cannot open"));
      else resolve(zip);
    });
  });
}

/**
 * Visits the entries of a ZIP one at a time, in central-directory order, reading no data unless
 * `visit` asks for it (through `readEntry`/`streamEntry`); `visit` returns false to stop early.
 */
export async function walkZip(
  filePath: string,
  visit: (entry: Entry, zip: ZipFile, index: number) => Promise<boolean | void>,
): Promise<void> {
  const zip = await openZip(filePath);
  try {
    await new Promise<void>((resolve, reject) => {
      let index = 0;
      let busy = false;
      zip.on("error", (error: Error) => reject(new BrokenZipError(error.message)));
      zip.on("end", () => {
        if (!busy) resolve();
      });
      zip.on("entry", (entry: Entry) => {
        if (index >= MAX_ZIP_ENTRIES) return reject(new BrokenZipError("too many entries"));
        busy = true;
        visit(entry, zip, index++).then(
          (goOn) => {
            busy = false;
            if (goOn === false) resolve();
            else zip.readEntry();
          },
          (error: unknown) => reject(error),
        );
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/**
 * Streams one entry's inflated bytes to `onChunk` (return false to stop), refusing more than
 * `maxBytes`: an entry that claims or turns out to be bigger is a BrokenZipError (or, with
 * `truncate`, is read up to `maxBytes`), so a zip bomb costs at most `maxBytes` of inflating.
 */
export function streamEntry(
  zip: ZipFile,
  entry: Entry,
  maxBytes: number,
  onChunk: (chunk: Buffer) => boolean | void,
  options: { truncate?: boolean } = {},
): Promise<void> {
  if (entry.uncompressedSize > maxBytes && !options.truncate)
    return Promise.reject(new BrokenZipError(`${entry.fileName} is too big`));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new BrokenZipError(error?.message ?? "cannot read entry"));
      let seen = 0;
      let done = false;
      const finish = (failure?: Error) => {
        if (done) return;
        done = true;
        stream.destroy();
        if (failure) reject(failure);
        else resolve();
      };
      stream.on("data", (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > maxBytes) {
          if (!options.truncate) return finish(new BrokenZipError(`${entry.fileName} is too big`));
          onChunk(chunk.subarray(0, chunk.length - (seen - maxBytes)));
          return finish();
        }
        if (onChunk(chunk) === false) finish();
      });
      stream.on("error", (failure: Error) => finish(new BrokenZipError(failure.message)));
      stream.on("end", () => finish());
    });
  });
}

/** One small entry whole (at most `maxBytes`). */
export async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamEntry(zip, entry, maxBytes, (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/** Whether an entry's text contains any of `needles` (lower case), without holding the entry. */
export async function entryContains(zip: ZipFile, entry: Entry, needles: string[], maxBytes: number): Promise<boolean> {
  const overlap = Math.max(...needles.map((needle) => needle.length));
  let tail = "";
  let found = false;
  await streamEntry(zip, entry, maxBytes, (chunk) => {
    const text = tail + chunk.toString("latin1").toLowerCase();
    if (needles.some((needle) => text.includes(needle))) {
      found = true;
      return false;
    }
    tail = text.slice(-overlap);
  });
  return found;
}
