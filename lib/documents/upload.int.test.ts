import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_NAMES, EICAR, GOOD_FILES, HOSTILE_FILES, oversize } from "@/lib/documents/inspect/hostile-files";
import { displayName } from "@/lib/documents/inspect/display-name";
import { makePdf } from "@/lib/documents/inspect/samples";
import { resetEnvCache } from "@/lib/env";
import { setStorageForTests } from "@/lib/storage";
import { startClamd } from "@/lib/testing/clamd";
import { contextFor, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { testStorage, type TestStorage } from "@/lib/testing/storage";
import { handleDownload, handleUpload } from "./http";

/**
 * Uploads end to end, on local disk and on S3: what is accepted is stored once with its hash and
 * counted against the quota; every hostile file is refused with a message in the user's language
 * and leaves nothing behind — no row, no object, no temporary file, quota unchanged.
 */

const LIMIT_MB = 1;
let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let partner: Awaited<ReturnType<typeof registerPartner>>;

beforeAll(async () => {
  db = await startIntegrationDatabase();
  process.env.UPLOAD_MAX_MB = String(LIMIT_MB);
  delete process.env.CLAMAV_URL;
  resetEnvCache();
  partner = await registerPartner();
});
afterAll(async () => {
  delete process.env.UPLOAD_MAX_MB;
  resetEnvCache();
  await db.close();
});

/** A multipart upload as a browser or the mobile app sends it. */
function uploadRequest(files: { name: string; bytes: Buffer; type?: string }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files)
    form.append("file", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/pdf" }), f.name);
  return new Request("http://localhost/api/v1/documents", { method: "POST", body: form });
}

async function upload(
  files: { name: string; bytes: Buffer; type?: string }[],
  fields: Record<string, string> = { category: "other" },
  target: { documentId?: string; partnerId?: string } = {},
  token = partner.token,
  locale = "ru",
) {
  const response = await handleUpload(uploadRequest(files, fields), await contextFor(token, locale), target);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What an upload can leave behind. */
async function footprint(storage: TestStorage) {
  const spool = await readdir(path.join(tmpdir(), "partner-cabinet-uploads")).catch(() => []);
  const p = await db.prisma.partner.findUniqueOrThrow({ where: { id: partner.partnerId } });
  return {
    documents: await db.prisma.document.count({ where: { partnerId: partner.partnerId } }),
    versions: await db.prisma.documentVersion.count({ where: { partnerId: partner.partnerId } }),
    objects: (await storage.keys()).length,
    used: p.storageUsedBytes,
    spool: spool.length,
  };
}

for (const kind of ["local", "s3"] as const) {
  describe(`uploads on ${kind} storage`, () => {
    let storage: TestStorage;
    let restore: () => void;
    beforeAll(async () => {
      storage = await testStorage(kind);
      restore = setStorageForTests(storage.store);
    });
    afterAll(async () => {
      restore();
      await storage.stop();
    });

    it("accepts every allowed type, decided by its bytes, stored once with its SHA-256 and counted", async () => {
      for (const good of GOOD_FILES) {
        const before = await footprint(storage);
        const bytes = good.make();
        const { status, body } = await upload([{ name: good.name, bytes, type: "application/octet-stream" }]);
        expect(status, `${good.name}: ${JSON.stringify(body)}`).toBe(201);
        const [doc] = body.documents as { id: string; version: { mime: string; size: number; sha256: string } }[];
        expect(doc!.version).toMatchObject({ mime: good.mime, size: bytes.length });
        expect(doc!.version.sha256).toMatch(/^[0-9a-f]{64}$/);
        const after = await footprint(storage);
        expect(after).toEqual({
          documents: before.documents + 1,
          versions: before.versions + 1,
          objects: before.objects + 1,
          used: before.used + BigInt(bytes.length),
          spool: 0,
        });
      }
    });

    it("refuses each of at least 25 hostile files with a clear message and leaves nothing behind", async () => {
      const refusable = HOSTILE_FILES.filter((h) => h.reason !== "infected");
      expect(refusable.length + 2).toBeGreaterThanOrEqual(25);
      const cases = [
        ...refusable.map((h) => ({ name: h.name, make: h.make, reason: h.reason as string })),
        { name: "big.pdf", make: () => oversize(LIMIT_MB * 1024 * 1024 + 1), reason: "too_large" },
      ];
      for (const hostile of cases) {
        const before = await footprint(storage);
        const bytes = await hostile.make();
        const { status, body } = await upload([{ name: hostile.name, bytes }]);
        const label = `${hostile.name}: ${status} ${JSON.stringify(body)}`;
        expect(status, label).toBeGreaterThanOrEqual(400);
        expect(status, label).toBeLessThan(500);
        expect(body.message, label).toEqual(expect.any(String));
        if (hostile.reason === "too_large") expect(body.error, label).toBe("file_too_large");
        else if (hostile.reason === "empty") expect(body.error, label).toBe("invalid_request");
        else {
          expect(body.error, label).toBe("file_type_not_allowed");
          expect(body.message, label).toContain("PDF, JPEG, PNG");
        }
        expect(await footprint(storage), label).toEqual(before);
      }
    });

    it("answers a refusal in the user's language", async () => {
      const html = Buffer.from("<!doctype html><script>alert(1)</script>");
      const kk = await upload([{ name: "x.pdf", bytes: html }], { category: "other" }, {}, partner.token, "kk");
      const en = await upload([{ name: "x.pdf", bytes: html }], { category: "other" }, {}, partner.token, "en");
      expect(kk.body.message).toContain("қабылданбайды");
      expect(en.body.message).toContain("not accepted");
    });

    it("keeps only a safe display name of hostile file names", async () => {
      for (const bad of BAD_NAMES) {
        const before = await footprint(storage);
        const { status, body } = await upload([{ name: bad.name, bytes: bad.make() }]);
        if (bad.name === "" && status === 400) {
          // A part without a file name is what a browser sends when no file was chosen.
          expect(body).toMatchObject({ error: "invalid_request", message: "Выберите файл для загрузки." });
          expect(await footprint(storage)).toEqual(before);
          continue;
        }
        if (bad.name.includes("\u0000") && status === 400) {
          // A NUL cannot travel in a multipart header: the request is refused as damaged, and nothing is kept.
          expect(body).toMatchObject({ error: "invalid_request", message: expect.stringContaining("имя файла") });
          expect(await footprint(storage)).toEqual(before);
          continue;
        }
        expect(status, `${JSON.stringify(bad.name)}: ${JSON.stringify(body)}`).toBe(201);
        const [doc] = body.documents as { id: string }[];
        const version = await db.prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc!.id } });
        // Browsers (and undici) send a quote in a file name as %22, line breaks as %0D %0A.
        const sent = bad.name.replaceAll('"', "%22").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
        expect(version.originalName).toBe(sent === bad.name ? bad.safe : displayName(sent, bad.mime));
        expect(version.storageKey).not.toContain(".");
        const download = await handleDownload(
          new Request(`http://localhost/api/v1/documents/${doc!.id}/download`),
          await contextFor(partner.token),
          { documentId: doc!.id, inline: false },
        );
        expect(download.status).toBe(200);
        const disposition = download.headers.get("content-disposition") ?? "";
        expect(disposition).toMatch(/^attachment; filename="[^"/\\\u0000-\u001f]*"; filename\*=UTF-8''/);
        expect(disposition).not.toMatch(/\.\.|\u202e/i);
        await download.body?.cancel();
      }
    });

    it("refuses a whole multi-file upload when one file is hostile, storing none of them", async () => {
      const before = await footprint(storage);
      const { status } = await upload([
        { name: "ok.pdf", bytes: makePdf(["ok"]) },
        { name: "evil.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>") },
      ]);
      expect(status).toBe(415);
      expect(await footprint(storage)).toEqual(before);
    });

    it("leaves nothing of an upload cut off half-way", async () => {
      const before = await footprint(storage);
      const head = Buffer.from(
        `--cut\r\nContent-Disposition: form-data; name="category"\r\n\r\nother\r\n--cut\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(head));
          controller.enqueue(new Uint8Array(makePdf(["half"]).subarray(0, 200)));
          setTimeout(() => controller.error(new Error("client went away")), 20);
        },
      });
      const request = new Request("http://localhost/api/v1/documents", {
        method: "POST",
        body,
        headers: { "content-type": "multipart/form-data; boundary=cut" },
        duplex: "half",
      } as RequestInit);
      const response = await handleUpload(request, await contextFor(partner.token), {});
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
      expect(await footprint(storage)).toEqual(before);
    });
  });
}

describe("virus scanning with clamd", () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let storage: TestStorage;
  let restore: () => void;
  beforeAll(async () => {
    clamd = await startClamd();
    process.env.CLAMAV_URL = clamd.url;
    resetEnvCache();
    storage = await testStorage("local");
    restore = setStorageForTests(storage.store);
  }, 60_000);
  afterAll(async () => {
    delete process.env.CLAMAV_URL;
    resetEnvCache();
    restore();
    await storage.stop();
    await clamd.stop();
  });

  it("refuses the EICAR test file, keeps nothing of it, and records the refusal", async () => {
    const before = await footprint(storage);
    const { status, body } = await upload([{ name: "readme.txt", bytes: Buffer.from(EICAR) }]);
    expect(status).toBe(422);
    expect(body).toMatchObject({ error: "infected", message: "В файле обнаружен вирус. Файл не сохранён." });
    expect(await footprint(storage)).toEqual(before);
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "document.upload_refused", partnerId: partner.partnerId },
      orderBy: { id: "desc" },
    });
    expect(row.details).toMatchObject({ reason: "infected" });
  });

  it("marks a clean file as scanned clean", async () => {
    const { status, body } = await upload([{ name: "clean.txt", bytes: Buffer.from("Акт сверки за март\n") }]);
    expect(status).toBe(201);
    const [doc] = body.documents as { id: string }[];
    const version = await db.prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc!.id } });
    expect(version.scanStatus).toBe("CLEAN");
  });
});
