// `npm run bench:shared-download`: a counterparty's download of a shared document (issue 10) beside
// the Partner's own download of it, on the production build run as `npm start` does and a real
// PostgreSQL database: a fresh one (`bench_shared_download` on 127.0.0.1:5432 unless DATABASE_URL
// names another local one) is migrated; a Partner, its primary user and a counterparty person are
// made; the primary user uploads a BENCH_FILE_MB (default 20) MB PDF through POST /api/documents/upload
// and it is shared with the counterparty (download allowed, no watermark). Then BENCH_DOWNLOADS
// pairs of downloads, alternating: the Partner's GET /api/documents/<id>/file and the counterparty's
// GET /api/shared/documents/<id>/file (which writes its view-log row each time: checked). Each body
// is read to the end and its SHA-256 checked. Reports the medians and their ratio (target ≤ 1.2).
// The machine may be shared: the two kinds alternate so that its load weighs on both alike.
// Results: stdout and bench-results/shared-download.json.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { SECRETS, percentiles, sessionCookie, withServer } from "./lib/bench-server";
import { uploadFile, writePdf } from "./lib/bench-files";
import { buildIfNeeded } from "./lib/build";

const PORT = Number(process.env.BENCH_PORT ?? 3304);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 20);
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const MIB = 1024 * 1024;
const TARGETS = { counterpartyToPartnerMedian: 1.2 };

async function freshDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS bench_shared_download WITH (FORCE)");
  await admin.query("CREATE DATABASE bench_shared_download");
  await admin.end();
  return "postgresql://postgres@127.0.0.1:5432/bench_shared_download";
}

/** A web session in the counterparty's place (/shared), and next-auth's cookie carrying its token. */
async function sharedSessionCookie(db: pg.Client, who: { personId: string; phone: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query(
    `INSERT INTO session (id, "tokenHash", kind, "personId", phone, "activePlace", "createdAt", "lastSeenAt", "expiresAt")
     VALUES ($1, $2, 'WEB', $3, $4, 'SHARED', now() at time zone 'utc', now() at time zone 'utc', (now() + interval '12 hours') at time zone 'utc')`,
    [randomUUID(), createHash("sha256").update(token).digest("hex"), who.personId, who.phone],
  );
  return `next-auth.session-token=${await encode({ token: { st: token }, secret: SECRETS.NEXTAUTH_SECRET })}`;
}

async function main(): Promise<void> {
  const url = await freshDatabase();
  assertLocalDatabase(url);
  await applyMigrations(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();

  const partnerId = randomUUID();
  const primary = { personId: randomUUID(), phone: `+7701${String(Date.now() % 10_000_000).padStart(7, "0")}` };
  const counterparty = { personId: randomUUID(), phone: `+7702${String(Date.now() % 10_000_000).padStart(7, "0")}` };
  await db.query(
    `INSERT INTO partner (id, type, name, "taxId", status, "storageLimitMb", "updatedAt")
     VALUES ($1, 'LEGAL_ENTITY', 'ТОО «Замер скачиваний»', $2, 'ACTIVE', $3, now())`,
    [partnerId, randomKzTaxId(), FILE_MB * 4 + 64],
  );
  await db.query(
    `INSERT INTO person (id, phone, name, locale, "adultConfirmedAt", "updatedAt")
     VALUES ($1, $2, 'Основной Пользователь', 'ru', now(), now()), ($3, $4, 'Контрагент Замеров', 'ru', now(), now())`,
    [primary.personId, primary.phone, counterparty.personId, counterparty.phone],
  );
  await db.query(
    `INSERT INTO membership (id, "partnerId", "personId", role, rights, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'PRIMARY', '{}'::jsonb, now())`,
    [partnerId, primary.personId],
  );
  const partnerCookie = await sessionCookie(db, primary, { activePartnerId: partnerId });
  const counterpartyCookie = await sharedSessionCookie(db, counterparty);

  const work = await mkdtemp(path.join(process.env.BENCH_TMP ?? tmpdir(), "bench-shared-download-"));
  const storageDir = path.join(work, "storage");
  const uploadTmp = path.join(work, "tmp");
  mkdirSync(storageDir);
  mkdirSync(uploadTmp);
  const source = path.join(work, "contract.pdf");
  try {
    const sourceSha256 = await writePdf(source, FILE_MB * MIB);
    const size = (await stat(source)).size;
    buildIfNeeded();
    const serverEnv = { STORAGE_DRIVER: "local", STORAGE_DIR: storageDir, TMPDIR: uploadTmp };
    const result = await withServer({ port: PORT, databaseUrl: url, env: serverEnv }, async () => {
      const upload = await uploadFile(
        PORT,
        { path: source, size, name: "contract.pdf" },
        { category: "contracts", title: "Договор для замера" },
        partnerCookie,
      );
      if (upload.status !== 201) throw new Error(`the upload answered ${upload.status}: ${upload.body}`);
      const document = (JSON.parse(upload.body) as { documents: { id: string; version: { sha256: string } }[] })
        .documents[0]!;
      if (document.version.sha256 !== sourceSha256) throw new Error("the stored file differs from the source");
      const grantId = randomUUID();
      await db.query(
        `INSERT INTO share_grant (id, "partnerId", "personId", rights, "expiresAt", "createdById", "organisationName",
                                  "organisationBin", "allowDownload", watermark)
         VALUES ($1, $2, $3, ARRAY['view'], now() + interval '14 days', $4, 'ТОО «Контрагент»', $5, true, false)`,
        [grantId, partnerId, counterparty.personId, primary.personId, randomKzTaxId()],
      );
      await db.query(
        `INSERT INTO share_grant_document (id, "partnerId", "grantId", "documentId") VALUES (gen_random_uuid(), $1, $2, $3)`,
        [partnerId, grantId, document.id],
      );
      const partnerPath = `/api/documents/${document.id}/file`;
      const sharedPath = `/api/shared/documents/${document.id}/file`;
      const viewLog = async () =>
        (
          await db.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM audit_event
              WHERE action = 'document.downloaded' AND outcome = 'SUCCESS' AND "actorPersonId" = $1 AND "targetId" = $2`,
            [counterparty.personId, document.id],
          )
        ).rows[0]!.count;

      for (let i = 0; i < WARMUP; i++) {
        await download(partnerPath, partnerCookie, sourceSha256);
        await download(sharedPath, counterpartyCookie, sourceSha256);
      }
      const logBefore = await viewLog();
      const partnerMs: number[] = [];
      const counterpartyMs: number[] = [];
      for (let i = 0; i < DOWNLOADS; i++) {
        // Alternate which goes first, so neither always follows the other.
        const order = i % 2 === 0 ? (["partner", "counterparty"] as const) : (["counterparty", "partner"] as const);
        for (const who of order) {
          if (who === "partner") partnerMs.push(await download(partnerPath, partnerCookie, sourceSha256));
          else counterpartyMs.push(await download(sharedPath, counterpartyCookie, sourceSha256));
        }
      }
      const logRows = (await viewLog()) - logBefore;
      if (logRows !== DOWNLOADS) throw new Error(`expected ${DOWNLOADS} view-log rows, found ${logRows}`);
      const partner = percentiles(partnerMs);
      const shared = percentiles(counterpartyMs);
      return {
        partner: { ...partner, mbPerSecond: Number((size / MIB / (partner.p50Ms / 1000)).toFixed(1)) },
        counterparty: { ...shared, mbPerSecond: Number((size / MIB / (shared.p50Ms / 1000)).toFixed(1)) },
        counterpartyToPartnerMedian: Number((shared.p50Ms / partner.p50Ms).toFixed(3)),
        viewLogRows: logRows,
      };
    });
    const output = {
      date: new Date().toISOString(),
      file: { megabytes: Number((size / MIB).toFixed(1)) },
      downloadsEach: DOWNLOADS,
      warmupEach: WARMUP,
      ...result,
      targets: TARGETS,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/shared-download.json", JSON.stringify(output, null, 2));
    console.log(JSON.stringify(output, null, 2));
    console.log(
      result.counterpartyToPartnerMedian <= TARGETS.counterpartyToPartnerMedian ? "Target met." : "Target NOT met.",
    );
  } finally {
    await db.end();
    await rm(work, { recursive: true, force: true });
  }
}

/** GET of the file, read to the end and hashed; answers the milliseconds to the last byte. */
function download(urlPath: string, cookie: string, sha256: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: "127.0.0.1", port: PORT, path: urlPath, headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`${urlPath} answered ${res.statusCode}`));
      }
      const hash = createHash("sha256");
      res.on("data", (chunk: Buffer) => hash.update(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const ms = performance.now() - started;
        if (hash.digest("hex") !== sha256) return reject(new Error(`${urlPath}: the bytes differ`));
        resolve(ms);
      });
    });
    req.on("error", reject);
    req.end();
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
