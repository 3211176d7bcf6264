// `npm run bench:documents`: on a database filled by `npm run seed:scale` (DATABASE_URL), runs the
// production build the way `npm start` does (scripts/serve.ts) and reports
// - the p95 server time of the library list of the Partner with the most documents (its primary
//   user), unfiltered and searched for a word, beside a trivial page of the same server;
// - a 200 MB upload through POST /api/documents/upload (multipart, streamed from disk) and its
//   download through GET /api/documents/<id>/file, three times: the server's memory growth (RSS of
//   its process tree, sampled every 100 ms) and the speed, each beside an fs.copyFile of the same
//   file on the same disk and a bare loopback TCP transfer of it (no HTTP), both timed just before;
//   the bytes are checked against the file's SHA-256.
// The machine is shared, so the pages are loaded in turns and each transfer is paired with its copy.
// Storage (STORAGE_DIR), the server's temporary upload files (TMPDIR) and the test files share one
// temporary folder (BENCH_TMP, default the system's), so one disk. The uploaded document is removed
// afterwards. Results: stdout and bench-results/documents.json.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { assertLocalDatabase } from "@/lib/db/testing";
import { countStatements, cpuMs, load, percentiles, sampleRss, sessionCookie, withServer } from "./lib/bench-server";
import { timeCopy, timeLoopback, uploadFile, writePdf } from "./lib/bench-files";
import { buildIfNeeded } from "./lib/build";
import { startCountingProxy } from "./lib/pg-count-proxy";

const PORT = Number(process.env.BENCH_PORT ?? 3302);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
/** One connection measures server time; more add queueing on a 2-core machine (BENCH_CONNECTIONS=4). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 200);
/** The pages are loaded in this many turns of DURATION / ROUNDS seconds each. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Uploads and downloads of the file, each after a copy of it. */
const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 3);
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
  // Room for the big file whatever the Partner already stores (one upload at a time: each is
  // removed after its round).
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
  const uploaded: string[] = [];
  try {
    const sourceSha256 = await writePdf(source, FILE_MB * MIB);
    const size = (await stat(source)).size;

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
      for (const p of ["/tariffs", listPath, searchPath]) await load(PORT, p, 3, cookie, CONNECTIONS);
      // The three pages in turns, the latencies pooled per page, so a change in the machine's load
      // (it is shared) weighs on all three alike.
      const pooled = { trivial: [] as number[], list: [] as number[], search: [] as number[] };
      const cpu = { trivial: 0, list: 0, search: 0 };
      let non2xx = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const [p, page] of [
          ["/tariffs", "trivial"],
          [listPath, "list"],
          [searchPath, "search"],
        ] as const) {
          const before = cpuMs(server.pid!);
          non2xx += (await load(PORT, p, DURATION / ROUNDS, cookie, CONNECTIONS, pooled[page])).non2xx;
          cpu[page] += cpuMs(server.pid!) - before;
        }
      }
      // The server's CPU time per answer: a measure of work the machine's other load does not inflate.
      const cpuPerRequest = (page: keyof typeof cpu) => Number((cpu[page] / pooled[page].length).toFixed(1));
      const [trivial, list, search] = [pooled.trivial, pooled.list, pooled.search].map(percentiles) as [
        ReturnType<typeof percentiles>,
        ReturnType<typeof percentiles>,
        ReturnType<typeof percentiles>,
      ];

      // Each transfer right after a copy of the same file, so each ratio is taken under the same load.
      const rounds: TransferRound[] = [];
      for (let round = 0; round < TRANSFERS; round++) {
        const copySeconds = await timeCopy(source, path.join(work, "copy.pdf"));
        const loopbackSeconds = await timeLoopback(source, path.join(work, "loopback.pdf"));
        const upload = await sampleRss(server.pid!, () =>
          timed(() =>
            uploadFile(
              PORT,
              { path: source, size, name: "big.pdf" },
              { category: "other", title: "Нагрузочный тест 200 МБ" },
              cookie,
            ),
          ),
        );
        if (upload.result.value.status !== 201)
          throw new Error(`the upload answered ${upload.result.value.status}: ${upload.result.value.body}`);
        const document = (
          JSON.parse(upload.result.value.body) as { documents: { id: string; version: { sha256: string } }[] }
        ).documents[0]!;
        uploaded.push(document.id);
        const downloaded = path.join(work, "downloaded.pdf");
        const download = await sampleRss(server.pid!, () =>
          timed(() => downloadFile(`/api/documents/${document.id}/file`, downloaded, cookie)),
        );
        const downloadOk = download.result.value === 200 && (await sha256Of(downloaded)) === sourceSha256;
        await rm(downloaded, { force: true });
        await removeDocument(db, document.id);
        uploaded.pop();
        rounds.push({
          copyMbPerSecond: mbps(size, copySeconds),
          loopbackMbPerSecond: mbps(size, loopbackSeconds),
          upload: {
            ok: document.version.sha256 === sourceSha256,
            mbPerSecond: mbps(size, upload.result.seconds),
            speedToCopy: Number((copySeconds / upload.result.seconds).toFixed(2)),
            speedToLoopback: Number((loopbackSeconds / upload.result.seconds).toFixed(2)),
            rssGrowthMb: upload.rssGrowthMb,
          },
          download: {
            ok: downloadOk,
            mbPerSecond: mbps(size, download.result.seconds),
            speedToCopy: Number((copySeconds / download.result.seconds).toFixed(2)),
            speedToLoopback: Number((loopbackSeconds / download.result.seconds).toFixed(2)),
            rssGrowthMb: download.rssGrowthMb,
          },
        });
      }
      const summary = (kind: "upload" | "download") => ({
        ok: rounds.every((r) => r[kind].ok),
        mbPerSecond: median(rounds.map((r) => r[kind].mbPerSecond)),
        speedToCopy: median(rounds.map((r) => r[kind].speedToCopy)),
        speedToLoopback: median(rounds.map((r) => r[kind].speedToLoopback)),
        rssGrowthMbMax: Math.max(...rounds.map((r) => r[kind].rssGrowthMb)),
      });
      return {
        trivialPage: trivial,
        libraryList: list,
        librarySearch: search,
        non2xx,
        serverCpuMsPerRequest: {
          trivialPage: cpuPerRequest("trivial"),
          libraryList: cpuPerRequest("list"),
          librarySearch: cpuPerRequest("search"),
        },
        listToTrivialP95: Number((list.p95Ms / trivial.p95Ms).toFixed(2)),
        searchToTrivialP95: Number((search.p95Ms / trivial.p95Ms).toFixed(2)),
        copyMbPerSecond: median(rounds.map((r) => r.copyMbPerSecond)),
        loopbackMbPerSecond: median(rounds.map((r) => r.loopbackMbPerSecond)),
        upload: summary("upload"),
        download: summary("download"),
        transferRounds: rounds,
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
      result.non2xx === 0 &&
      [result.upload, result.download].every(
        (t) => t.ok && t.rssGrowthMbMax < TARGETS.transferGrowthMb && t.speedToCopy >= TARGETS.speedToCopy,
      );
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    for (const id of uploaded) await removeDocument(db, id);
    await db.end();
    await rm(work, { recursive: true, force: true });
  }
}

const mbps = (bytes: number, seconds: number) => Number((bytes / MIB / seconds).toFixed(1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface TransferSpeed {
  ok: boolean;
  mbPerSecond: number;
  speedToCopy: number;
  /** Against the same bytes over a bare loopback TCP connection: what the machine's network stack allows. */
  speedToLoopback: number;
  rssGrowthMb: number;
}

interface TransferRound {
  copyMbPerSecond: number;
  loopbackMbPerSecond: number;
  upload: TransferSpeed;
  download: TransferSpeed;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
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
