import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCEPT_ATTRIBUTE, ALLOWED_MIME_TYPES } from "./allowed";
import { BAD_NAMES, GOOD_FILES, HOSTILE_FILES, oversize } from "./hostile-files";
import { displayName, inspectFile } from "./inspect";
import { docxEntries, makePdf } from "./samples";
import { makeZip } from "./zip-writer";

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "inspect-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inspectBytes(content: Buffer, name: string) {
  const path = join(dir, `upload-${counter++}`);
  await writeFile(path, content);
  return inspectFile(path, name);
}

describe("inspectFile", () => {
  it("has at least 25 hostile samples and a good sample of every allowed type", () => {
    expect(HOSTILE_FILES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(GOOD_FILES.map((file) => file.mime))).toEqual(new Set(ALLOWED_MIME_TYPES));
  });

  it.each(GOOD_FILES.map((file) => [file.description, file] as const))("accepts %s", async (_, file) => {
    const result = await inspectBytes(file.make(), file.name);
    expect(result).toMatchObject({ ok: true, mime: file.mime });
  });

  const refusable = HOSTILE_FILES.filter((file) => file.reason !== "infected" && file.reason !== "too_large");
  it.each(refusable.map((file) => [file.description, file] as const))("refuses %s", async (_, file) => {
    const result = await inspectBytes(await file.make(), file.name);
    expect(result).toEqual({ ok: false, reason: file.reason });
  });

  it("leaves the EICAR text to the scanner and the oversized PDF to the size limit", async () => {
    const eicar = HOSTILE_FILES.find((file) => file.reason === "infected")!;
    expect(await inspectBytes(await eicar.make(), eicar.name)).toMatchObject({ ok: true, mime: "text/plain" });
    const big = oversize(10_000);
    expect(big.length).toBe(10_001);
    expect(await inspectBytes(big, "big.pdf")).toMatchObject({ ok: true, mime: "application/pdf" });
  });

  it("decides by bytes, not by the name", async () => {
    const pdf = makePdf();
    expect(await inspectBytes(pdf, "photo.jpg")).toMatchObject({ ok: true, mime: "application/pdf" });
    expect(await inspectBytes(pdf, "")).toMatchObject({ ok: true, mime: "application/pdf" });
    const csv = Buffer.from("a;b\n1;2\n");
    expect(await inspectBytes(csv, "data.CSV")).toMatchObject({ ok: true, mime: "text/csv" });
    expect(await inspectBytes(csv, "data.txt")).toMatchObject({ ok: true, mime: "text/plain" });
  });

  it("refuses markup only in the head of a PDF", async () => {
    const late = Buffer.concat([makePdf(), Buffer.from(`%${" ".repeat(2000)}<script>\n`)]);
    expect(await inspectBytes(late, "a.pdf")).toMatchObject({ ok: true });
  });

  it("refuses a text file whose UTF-8 breaks at the very end", async () => {
    const cut = Buffer.from("Қазақ", "utf8").subarray(0, 9);
    expect(await inspectBytes(cut, "a.txt")).toEqual({ ok: false, reason: "type_not_allowed" });
  });

  it("refuses an OOXML main part that is not in the package", async () => {
    const entries = docxEntries(["x"]).filter((entry) => entry.name !== "word/document.xml");
    expect(await inspectBytes(makeZip(entries), "a.docx")).toEqual({ ok: false, reason: "broken" });
  });
});

describe("displayName", () => {
  it.each(BAD_NAMES.map((bad) => [JSON.stringify(bad.name).slice(0, 40), bad] as const))(
    "makes %s safe",
    async (_, bad) => {
      const result = await inspectBytes(bad.make(), bad.name);
      expect(result).toMatchObject({ ok: true, mime: bad.mime });
      const safe = displayName(bad.name, bad.mime);
      expect(safe).toBe(bad.safe);
      expect(Array.from(safe).length).toBeLessThanOrEqual(200);
      expect(safe).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    },
  );

  it("keeps a matching extension and fixes a wrong one", () => {
    expect(displayName("Договор.pdf", "application/pdf")).toBe("Договор.pdf");
    expect(displayName("IMG_0001.HEIC", "image/heic")).toBe("IMG_0001.heic");
    expect(displayName("table.xlsx", "application/vnd.oasis.opendocument.spreadsheet")).toBe("table.ods");
    expect(displayName("ТОО Ромашка.Ltd", "application/pdf")).toBe("ТОО Ромашка.Ltd.pdf");
  });

  it("does not split a character made of two UTF-16 units when cutting", () => {
    const safe = displayName(`${"😀".repeat(250)}.pdf`, "application/pdf");
    expect(Array.from(safe)).toHaveLength(200);
    expect(safe.endsWith("😀.pdf")).toBe(true);
  });
});

describe("accept attribute", () => {
  it("lists extensions and MIME types of every allowed kind", () => {
    for (const part of [".pdf", ".heic", ".docx", ".ods", ".csv", "image/png", "text/plain"])
      expect(ACCEPT_ATTRIBUTE.split(",")).toContain(part);
  });
});
