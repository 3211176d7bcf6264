import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CYRILLIC_SAMPLE } from "@/lib/documents/inspect/hostile-files";
import {
  docxEntries,
  makeDocx,
  makeHeic,
  makeOds,
  makeOdt,
  makePdf,
  makePng,
  makeXlsx,
} from "@/lib/documents/inspect/samples";
import { makeZip } from "@/lib/documents/inspect/zip-writer";
import { extractText, MAX_TEXT_CHARS } from "./extract-text";

const MIME = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "extract-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function extract(content: Buffer | string, mime: string) {
  const path = join(dir, `file-${counter++}`);
  await writeFile(path, content);
  return extractText(path, mime);
}

const SECOND = 'Сумма: 1 000 ₸ & "кавычки" <тег>';

describe("extractText", () => {
  it.each([
    ["Word", makeDocx([CYRILLIC_SAMPLE, SECOND]), MIME.docx],
    ["Excel", makeXlsx([CYRILLIC_SAMPLE, SECOND]), MIME.xlsx],
    ["OpenDocument text", makeOdt([CYRILLIC_SAMPLE, SECOND]), MIME.odt],
    ["OpenDocument spreadsheet", makeOds([CYRILLIC_SAMPLE, SECOND]), MIME.ods],
    ["PDF", makePdf([CYRILLIC_SAMPLE, SECOND]), MIME.pdf],
    ["text", `\uFEFF${CYRILLIC_SAMPLE}\n${SECOND}\n`, "text/plain"],
    ["CSV", `${CYRILLIC_SAMPLE}\n${SECOND}`, "text/csv"],
  ])("reads Russian and Kazakh from %s, line by line, entities decoded", async (_, content, mime) => {
    expect(await extract(content, mime)).toBe(`${CYRILLIC_SAMPLE}\n${SECOND}`);
  });

  it("has no text for images", async () => {
    expect(await extract(makePng(), "image/png")).toBeNull();
    expect(await extract(makeHeic(), "image/heic")).toBeNull();
  });

  it("caps the text of a long document", async () => {
    const line = "Договор ".repeat(100);
    const text = await extract(makeDocx(Array.from({ length: 400 }, () => line)), MIME.docx);
    // Cut at the cap, then trailing spaces of lines are trimmed.
    expect(text?.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text?.length).toBeGreaterThan(MAX_TEXT_CHARS * 0.99);
    const plain = await extract("ә".repeat(MAX_TEXT_CHARS + 5000), "text/plain");
    expect(plain).toHaveLength(MAX_TEXT_CHARS);
  });

  it("leaves out Word field codes", async () => {
    const entries = docxEntries(["x"]).map((entry) =>
      entry.name === "word/document.xml"
        ? {
            ...entry,
            data: '<w:document xmlns:w="w"><w:body><w:p><w:r><w:instrText> HYPERLINK "https://a.example" </w:instrText></w:r><w:r><w:t>Ссылка</w:t></w:r></w:p></w:body></w:document>',
          }
        : entry,
    );
    expect(await extract(makeZip(entries), MIME.docx)).toBe("Ссылка");
  });

  it("answers null for a damaged PDF or office file", async () => {
    expect(await extract("%PDF-1.4\nnothing else", MIME.pdf)).toBeNull();
    expect(await extract(makeDocx().subarray(0, 100), MIME.docx)).toBeNull();
    const withoutText = docxEntries(["x"]).filter((entry) => entry.name !== "word/document.xml");
    expect(await extract(makeZip(withoutText), MIME.docx)).toBeNull();
  });
});
