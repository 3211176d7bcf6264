import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  fileResponse,
  INLINE_FILE_CSP,
  nodeToWebStream,
  parseRange,
  rangeNotSatisfiable,
  safeFileName,
} from "./http";

describe("parseRange", () => {
  it("serves the whole object without a header", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "none" });
    expect(parseRange("", 100)).toEqual({ kind: "none" });
  });

  it("reads the three forms of one range", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "range", start: 0, end: 9 });
    expect(parseRange("bytes=10-", 100)).toEqual({ kind: "range", start: 10, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "range", start: 90, end: 99 });
    expect(parseRange("bytes=99-99", 100)).toEqual({ kind: "range", start: 99, end: 99 });
    expect(parseRange("Bytes = 5 - 6", 100)).toEqual({ kind: "range", start: 5, end: 6 });
  });

  it("cuts a range that runs past the end, and a suffix longer than the object", () => {
    expect(parseRange("bytes=90-1000", 100)).toEqual({ kind: "range", start: 90, end: 99 });
    expect(parseRange("bytes=0-99999999999999999999999", 100)).toEqual({ kind: "range", start: 0, end: 99 });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "range", start: 0, end: 99 });
  });

  it("answers unsatisfiable for a start at or past the end and an empty suffix", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=100-200", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=99999999999999999999-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-5", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores several ranges, other units and bad syntax", () => {
    for (const header of [
      "bytes=0-1,5-6",
      "bytes=0-1, 5-6",
      "items=0-1",
      "bytes=5-1",
      "bytes=-",
      "bytes=a-b",
      "bytes=1.5-2",
      "bytes=--1",
      "bytes=0-1-2",
      "bytes 0-1",
      "=0-1",
    ]) {
      expect(parseRange(header, 100), header).toEqual({ kind: "none" });
    }
  });
});

/** The parameters of a Content-Disposition header, `filename*` decoded. */
function parseDisposition(header: string) {
  const match = /^(attachment|inline); filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
    header,
  );
  if (!match) throw new Error(`Not a well-formed header: ${header}`);
  return { kind: match[1], ascii: match[2]!, name: decodeURIComponent(match[3]!) };
}

describe("contentDisposition", () => {
  it("keeps Russian and Kazakh names in filename* and gives an ASCII fallback", () => {
    const ru = parseDisposition(contentDisposition("attachment", "Договор №5.pdf"));
    expect(ru).toEqual({ kind: "attachment", ascii: "_______ _5.pdf", name: "Договор №5.pdf" });
    const kk = parseDisposition(contentDisposition("inline", "Шарт өңделген ғұқ.docx"));
    expect(kk.kind).toBe("inline");
    expect(kk.name).toBe("Шарт өңделген ғұқ.docx");
    expect(kk.ascii).toMatch(/^[_ ]+\.docx$/);
  });

  it("encodes the characters RFC 8187 does not allow bare", () => {
    const header = contentDisposition("attachment", "a'b(c)*d e.txt");
    expect(header).toContain("filename*=UTF-8''a%27b%28c%29%2Ad%20e.txt");
    expect(parseDisposition(header).name).toBe("a'b(c)*d e.txt");
  });

  it("drops folders and path tricks", () => {
    expect(parseDisposition(contentDisposition("attachment", "../../etc/passwd"))).toMatchObject({
      ascii: "etcpasswd",
      name: "etcpasswd",
    });
    expect(safeFileName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(safeFileName("/abs/path.pdf")).toBe("abspath.pdf");
  });

  it("strips NUL, CR/LF and other controls, so no header can be injected", () => {
    const header = contentDisposition("attachment", "a\u0000b\r\nSet-Cookie: x=1\tc.pdf");
    expect(header).not.toMatch(/[\u0000-\u001f]/);
    expect(parseDisposition(header).name).toBe("abSet-Cookie: x=1c.pdf");
  });

  it("removes bidirectional overrides that would disguise the extension", () => {
    const name = "invoice\u202Efdp.exe";
    const clean = safeFileName(name);
    expect(clean).toBe("invoicefdp.exe");
    for (const mark of [
      "\u200E",
      "\u200F",
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ])
      expect(safeFileName(`a${mark}b.pdf`)).toBe("ab.pdf");
    expect(parseDisposition(contentDisposition("inline", name)).name).toBe("invoicefdp.exe");
  });

  it("removes quotes and backslashes from the fallback only where they would break it", () => {
    const parsed = parseDisposition(contentDisposition("attachment", 'say "hi" 100%.txt'));
    expect(parsed.ascii).toBe("say hi 100.txt");
    expect(parsed.name).toBe('say "hi" 100%.txt');
  });

  it("cuts long names to 200 characters and keeps the extension", () => {
    const clean = safeFileName(`${"я".repeat(300)}.pdf`);
    expect(Array.from(clean)).toHaveLength(200);
    expect(clean.endsWith("я.pdf")).toBe(true);
    expect(Array.from(safeFileName("😀".repeat(300)))).toHaveLength(200);
    expect(safeFileName("😀".repeat(300))).not.toContain("\ufffd");
    const parsed = parseDisposition(contentDisposition("attachment", `${"x".repeat(300)}.docx`));
    expect(parsed.ascii).toBe(`${"x".repeat(195)}.docx`);
  });

  it("never throws, even on lone surrogates or names that clean away to nothing", () => {
    expect(() => contentDisposition("attachment", "\ud800bad\udc00.pdf")).not.toThrow();
    expect(parseDisposition(contentDisposition("attachment", "\ud800bad.pdf")).name).toBe("\ufffdbad.pdf");
    expect(parseDisposition(contentDisposition("attachment", "\u0000\u202E/..")).name).toBe("file");
    expect(parseDisposition(contentDisposition("attachment", "")).ascii).toBe("file");
    expect(parseDisposition(contentDisposition("attachment", undefined as unknown as string)).name).toBe("file");
  });
});

async function readAll(response: Response): Promise<string> {
  return Buffer.from(await response.arrayBuffer()).toString();
}

describe("fileResponse", () => {
  it("answers 200 with the whole file and headers safe for any upload", async () => {
    const response = fileResponse({
      stream: Readable.from([Buffer.from("hello world")]),
      size: 11,
      mime: "application/pdf",
      fileName: "Акт.pdf",
      disposition: "attachment",
      etag: "abc123",
    });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-length": "11",
      "content-type": "application/pdf",
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: '"abc123"',
    });
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%D0%90%D0%BA%D1%82.pdf`,
    );
    expect(response.headers.has("content-range")).toBe(false);
    expect(response.headers.has("content-security-policy")).toBe(false);
    expect(await readAll(response)).toBe("hello world");
  });

  it("answers 206 with Content-Range for a range, and sandboxes inline files", async () => {
    const response = fileResponse({
      stream: Readable.from([Buffer.from("llo")]),
      size: 11,
      range: { start: 2, end: 4 },
      mime: "text/html",
      fileName: "page.html",
      disposition: "inline",
    });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 2-4/11");
    expect(response.headers.get("content-length")).toBe("3");
    expect(response.headers.get("content-security-policy")).toBe(INLINE_FILE_CSP);
    expect(INLINE_FILE_CSP).toMatch(/^sandbox;/);
    expect(INLINE_FILE_CSP).not.toContain("script-src");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(await readAll(response)).toBe("llo");
  });

  it("serves a type it cannot vouch for as plain bytes", () => {
    for (const mime of ["", "text/html\r\nX-Evil: 1", "nonsense", "image/svg+xml; charset=utf-8"]) {
      const response = fileResponse({
        stream: Readable.from([]),
        size: 0,
        mime,
        fileName: "x",
        disposition: "attachment",
      });
      expect(response.headers.get("content-type")).toBe(
        mime.startsWith("image/svg+xml") ? "image/svg+xml" : "application/octet-stream",
      );
    }
  });

  it("answers 416 with the size", () => {
    const response = rangeNotSatisfiable(11);
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */11");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("nodeToWebStream", () => {
  /** An endless source that counts how much of it was read. */
  function endless() {
    const source = { reads: 0, stream: undefined as unknown as Readable };
    source.stream = new Readable({
      highWaterMark: 64 * 1024,
      read() {
        source.reads++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    return source;
  }

  it("reads the source only as fast as the consumer takes it", async () => {
    const source = endless();
    const reader = nodeToWebStream(source.stream).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A few chunks of read-ahead at most, not the megabytes an unbounded pump would pull in.
    expect(source.reads).toBeLessThan(8);
    await reader.cancel();
  });

  it("destroys the source when the client cancels", async () => {
    const source = endless();
    const reader = nodeToWebStream(source.stream).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.stream.destroyed).toBe(true);
  });

  it("errors the web stream when the source fails", async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error("disk gone"));
      },
    });
    await expect(nodeToWebStream(stream).getReader().read()).rejects.toThrow("disk gone");
  });
});
