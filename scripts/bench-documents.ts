// `npm run bench:documents`: on a database filled by `npm run seed:scale` (DATABASE_URL), runs the
// production build the way `npm start` does (scripts/serve.ts) and reports
// - the p95 server time of the library list of the Partner with the most documents (its primary
//   user), unfiltered and searched for a word, beside a trivial page of the same server;
// - a 200 MB upload through POST /api/documents/upload (multipart, streamed from disk) and its
//   download through GET /api/documents/<id>/file: the server's memory growth (RSS of its process
//   tree, sampled every 100 ms) and the speed, beside fs.copyFile of the same file on the same disk
//   timed in the same run; the downloaded bytes are checked against the file's SHA-256.
// Storage (STORAGE_DIR), the server's temporary upload files (TMPDIR) and the test files share one
// temporary folder (BENCH_TMP, default the system's), so one disk. The uploaded document is removed
// afterwards. Results: stdout and bench-results/documents.json.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { copyFile, mkdtemp, open, rm, stat } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/testing";
import { countStatements, load, sampleRss, sessionCookie, withServer } from "./lib/bench-server";
import { buildIfNeeded } from "./lib/build";
import { startCountingProxy } from "./lib/pg-count-proxy";

const PORT = Number(process.env.BENCH_PORT ?? 3302);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
/** One connection measures server time; more add queueing on a 2-core machine (BENCH_CONNECTIONS=4). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 200);
/** A word some of the seeded titles hold (seed:scale's lease contracts, "Договор аренды…"). */
const QUERY = process.env.BENCH_QUERY ?? "аренда";
const MIB = 1024 * 1024;
const TARGETS = { listToTrivialP95: 2, searchToTrivialP95: 2, transferGrowthMb: 50, speedToCopy: 0.5 };

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run seed:scale`");
  assertLocalDatabase(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const {
    rows: [counts],
  } = await db.query<{ partners: number; documents: number; versions: number }>(
    `SELECT (SELECT count(*)::int FROM partner) AS partners, (SELECT count(*)::int FROM document) AS documents,
            (SELECT count(*)::int FROM document_version) AS versions`,
  );
  const {
    rows: [big],
  } = await db.query<{ partnerId: string; documents: number }>(
    `SELECT "partnerId", count(*)::int AS documents FROM document GROUP BY "partnerId" ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!big) throw new Error("No documents: run `npm run seed:scale` first");
  const {
    rows: [primary],
  } = await db.query<{ personId: string; phone: string }>(
    `SELECT m."personId", p.phone FROM membership m JOIN person p ON p.id = m."personId" WHERE m."partnerId" = $1 AND m.role = 'PRIMARY'`,
    [big.partnerId],
  );
  const {
    rows: [matches],
  } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM document
      WHERE "partnerId" = $1 AND search @@ (to_tsquery('russian', $2) || to_tsquery('simple', $2))`,
    [big.partnerId, `${QUERY}:*`],
  );
  // Room for the big file whatever the Partner already stores.
  await db.query(
    `UPDATE partner SET "storageLimitMb" = GREATEST("storageLimitMb", ceil("storageUsedBytes" / 1048576.0)::int + $2)
      WHERE id = $1`,
    [big.partnerId, FILE_MB * 2 + 64],
  );
  const cookie = await sessionCookie(db, primary!, { activePartnerId: big.partnerId });

  const work = await mkdtemp(path.join(process.env.BENCH_TMP ?? tmpdir(), "bench-documents-"));
  const storageDir = path.join(work, "storage");
  const uploadTmp = path.join(work, "tmp");
  mkdirSync(storageDir);
  mkdirSync(uploadTmp);
  const source = path.join(work, "big.pdf");
  let uploadedId: string | null = null;
  try {
    const sourceSha256 = await writePdf(source, FILE_MB * MIB);
    const size = (await stat(source)).size;
    const copy = await timeCopies(source, path.join(work, "copy.pdf"), size);

    buildIfNeeded();
    const listPath = "/cabinet/documents";
    const searchPath = `/cabinet/documents?q=${encodeURIComponent(QUERY)}`;
    const serverEnv = { STORAGE_DRIVER: "local", STORAGE_DIR: storageDir, TMPDIR: uploadTmp, UPLOAD_MAX_MB: "300" };
    // First run: through the counting proxy, one request at a time, for the statements of each page.
    const proxy = await startCountingProxy(url);
    const statements = await withServer({ port: PORT, databaseUrl: proxy.url, env: serverEnv }, async () => {
      const perRequest: Record<string, number> = {};
      let listTexts: string[] = [];
      for (const [name, p] of [
        ["trivialPage", "/tariffs"],
        ["libraryList", listPath],
        ["librarySearch", searchPath],
      ] as const) {
        const { count, texts } = await countStatements(proxy, PORT, p, cookie);
        perRequest[name] = count;
        if (name === "libraryList") listTexts = texts;
      }
      return { perRequest, libraryList: listTexts.map((t) => t.replace(/\s+/g, " ").slice(0, 400)) };
    });
    await proxy.close();

    // Second run: straight to PostgreSQL, for the timings and the transfers.
    const result = await withServer({ port: PORT, databaseUrl: url, env: serverEnv }, async (server) => {
      for (const p of ["/tariffs", listPath, searchPath]) await expectPage(p, cookie);
      await load(PORT, "/tariffs", 3, cookie, CONNECTIONS);
      await load(PORT, listPath, 3, cookie, CONNECTIONS);
      await load(PORT, searchPath, 3, cookie, CONNECTIONS);
      const trivial = await load(PORT, "/tariffs", DURATION, cookie, CONNECTIONS);
      const list = await load(PORT, listPath, DURATION, cookie, CONNECTIONS);
      const search = await load(PORT, searchPath, DURATION, cookie, CONNECTIONS);

      const upload = await sampleRss(server.pid!, () => timed(() => uploadFile(source, size, cookie)));
      if (upload.result.value.status !== 201)
        throw new Error(`the upload answered ${upload.result.value.status}: ${upload.result.value.body}`);
      const document = (
        JSON.parse(upload.result.value.body) as { documents: { id: string; version: { sha256: string } }[] }
      ).documents[0]!;
      uploadedId = document.id;
      const downloaded = path.join(work, "downloaded.pdf");
      const download = await sampleRss(server.pid!, () =>
        timed(() => downloadFile(`/api/documents/${document.id}/file`, downloaded, cookie)),
      );
      const downloadedSha256 = await sha256Of(downloaded);
      const mbps = (seconds: number) => Number((size / MIB / seconds).toFixed(1));
      const transfer = (
        r: typeof upload | typeof download,
        extra: Record<string, unknown>,
      ): Record<string, unknown> & { mbPerSecond: number; speedToCopy: number; rssGrowthMb: number } => ({
        ...extra,
        seconds: Number(r.result.seconds.toFixed(2)),
        mbPerSecond: mbps(r.result.seconds),
        speedToCopy: Number((mbps(r.result.seconds) / copy.mbPerSecond).toFixed(2)),
        rssBeforeMb: r.rssBeforeMb,
        rssPeakMb: r.rssPeakMb,
        rssGrowthMb: r.rssGrowthMb,
      });
      return {
        trivialPage: trivial,
        libraryList: list,
        librarySearch: search,
        listToTrivialP95: Number((list.p95Ms / trivial.p95Ms).toFixed(2)),
        searchToTrivialP95: Number((search.p95Ms / trivial.p95Ms).toFixed(2)),
        upload: transfer(upload, {
          status: upload.result.value.status,
          sha256Matches: document.version.sha256 === sourceSha256,
        }),
        download: transfer(download, {
          status: download.result.value,
          sha256Matches: downloadedSha256 === sourceSha256,
        }),
      };
    });

    const output = {
      date: new Date().toISOString(),
      data: {
        partners: counts!.partners,
        documents: counts!.documents,
        versions: counts!.versions,
        bigPartnerDocuments: big.documents,
        query: QUERY,
        bigPartnerDocumentsMatchingQuery: matches!.count,
      },
      connections: CONNECTIONS,
      file: { megabytes: Number((size / MIB).toFixed(1)), folder: work },
      copy,
      ...result,
      statements,
      targets: TARGETS,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/documents.json", JSON.stringify(output, null, 2));
    console.log(JSON.stringify(output, null, 2));
    const met =
      result.listToTrivialP95 <= TARGETS.listToTrivialP95 &&
      result.searchToTrivialP95 <= TARGETS.searchToTrivialP95 &&
      result.libraryList.non2xx === 0 &&
      result.librarySearch.non2xx === 0 &&
      [result.upload, result.download].every(
        (t) =>
          t.sha256Matches === true && t.rssGrowthMb < TARGETS.transferGrowthMb && t.speedToCopy >= TARGETS.speedToCopy,
      ) &&
      result.download.status === 200;
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    if (uploadedId) await removeDocument(db, uploadedId);
    await db.end();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A PDF of about `bytes`: a catalog, one empty page, and an unreferenced stream object of random
 * printable bytes (no `<`, so no markup), with a correct cross-reference table. Answers its SHA-256.
 */
async function writePdf(file: string, bytes: number): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  let offset = 0;
  const offsets: number[] = [];
  const write = async (chunk: Buffer | string) => {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    hash.update(buffer);
    offset += buffer.length;
    if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
  };
  await write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  ];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    await write(`${i + 1} 0 obj\n${body}\nendobj\n`);
  }
  const streamLength = bytes - offset - 4096;
  offsets.push(offset);
  await write(`4 0 obj\n<< /Length ${streamLength} >>\nstream\n`);
  for (let left = streamLength; left > 0;) {
    const chunk = randomBytes(Math.min(MIB, left));
    // Printable ASCII from '=' (0x3d) to '~' (0x7e): 66 letters, digits and signs, never '<'.
    for (let i = 0; i < chunk.length; i++) chunk[i] = 0x3d + (chunk[i]! % 66);
    await write(chunk);
    left -= chunk.length;
  }
  await write("\nendstream\nendobj\n");
  const xref = offset;
  await write(
    `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}` +
      `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return hash.digest("hex");
}

/** fs.copyFile of the file on the same disk, three times: the median's speed (and with an fsync, for reference). */
async function timeCopies(source: string, target: string, size: number) {
  const runs: { copy: number; copyAndSync: number }[] = [];
  for (let i = 0; i < 3; i++) {
    await rm(target, { force: true });
    const started = performance.now();
    await copyFile(source, target);
    const copied = performance.now();
    const handle = await open(target, "r+");
    await handle.sync();
    await handle.close();
    runs.push({ copy: (copied - started) / 1000, copyAndSync: (performance.now() - started) / 1000 });
  }
  await rm(target, { force: true });
  const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
  const seconds = median(runs.map((r) => r.copy));
  const withSync = median(runs.map((r) => r.copyAndSync));
  return {
    seconds: Number(seconds.toFixed(2)),
    mbPerSecond: Number((size / MIB / seconds).toFixed(1)),
    withFsyncMbPerSecond: Number((size / MIB / withSync).toFixed(1)),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** POST of the file as one multipart part, streamed from disk with its exact Content-Length, as a same-origin page would. */
function uploadFile(file: string, size: number, cookie: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nНагрузочный тест 200 МБ\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: PORT,
        method: "POST",
        path: "/api/documents/upload",
        headers: {
          cookie,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + size + tail.length),
          "sec-fetch-site": "same-origin",
          origin: `http://127.0.0.1:${PORT}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(head);
    const body = createReadStream(file, { highWaterMark: MIB });
    body.on("error", reject);
    body.on("end", () => req.end(tail));
    body.pipe(req, { end: false });
  });
}

/** GET of a file into a file on the same disk; answers the status. */
function downloadFile(urlPath: string, target: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: PORT, path: urlPath, headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return resolve(res.statusCode ?? 0);
      }
      pipeline(res, createWriteStream(target)).then(() => resolve(200), reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

async function expectPage(urlPath: string, cookie: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${PORT}${urlPath}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${urlPath} answered ${response.status}`);
}

/** The benchmark's document goes again (it was never sent), with its receipts and the storage it took. */
async function removeDocument(db: pg.Client, documentId: string): Promise<void> {
  await db.query("BEGIN");
  await db.query(`DELETE FROM document_receipt WHERE "documentId" = $1`, [documentId]);
  const { rows } = await db.query<{ partnerId: string; size: string }>(
    `DELETE FROM document_version WHERE "documentId" = $1 RETURNING "partnerId", size`,
    [documentId],
  );
  await db.query(`DELETE FROM document WHERE id = $1`, [documentId]);
  for (const row of rows)
    await db.query(`UPDATE partner SET "storageUsedBytes" = "storageUsedBytes" - $2::bigint WHERE id = $1`, [
      row.partnerId,
      row.size,
    ]);
  await db.query("COMMIT");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
