// `npm run seed:scale`: fills a database with realistic volume for benchmarks: 1,000 Partners,
// 20,000 users and 2,000,000 audit events with valid hash chains (one Partner holds 100,000 of
// them, for export tests), and one outsourcing company serving every Partner with a manager at its
// desk. Refuses a non-local database. Uses DATABASE_URL, else SCALE_DATABASE_URL.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { GENESIS_HASH, auditHash } from "@/lib/audit/hash";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { sequentialKzTaxId } from "@/lib/validation/kz-tax-id";

const PARTNERS = Number(process.env.SCALE_PARTNERS ?? 1000);
const USERS = Number(process.env.SCALE_USERS ?? 20_000);
const EVENTS = Number(process.env.SCALE_EVENTS ?? 2_000_000);
const BIG_PARTNER_EVENTS = Number(process.env.SCALE_BIG_PARTNER_EVENTS ?? 100_000);
const ACTIONS = [
  "auth.login",
  "auth.logout",
  "person.profile_updated",
  "partner.profile_updated",
  "member.invited",
  "cabinet.switched",
  "auth.session_revoked",
];
const BATCH = 5_000;
/** Events spread over the year before this moment. */
const END = Date.parse("2026-11-20T00:00:00Z");
const SPAN = 365 * 24 * 3600_000;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? process.env.SCALE_DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL (a local PostgreSQL database) to fill");
  assertLocalDatabase(url);
  await applyMigrations(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = Date.now();
  const log = (line: string) => console.log(`[seed:scale ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

  const partnerIds = Array.from({ length: PARTNERS }, () => randomUUID());
  await db.query(
    `INSERT INTO partner (id, type, name, "taxId", status, "updatedAt")
     SELECT id, 'LEGAL_ENTITY', name, tax, 'ACTIVE', now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, name, tax)`,
    [partnerIds, partnerIds.map((_, i) => `ТОО «Нагрузка ${i + 1}»`), partnerIds.map((_, i) => sequentialKzTaxId(i))],
  );
  log(`${PARTNERS} partners`);

  // Users: person i belongs to partner i % PARTNERS; the first of each Partner is its primary user.
  const persons: { id: string; partner: string; role: string }[] = [];
  for (let offset = 0; offset < USERS; offset += BATCH) {
    const count = Math.min(BATCH, USERS - offset);
    const ids = Array.from({ length: count }, () => randomUUID());
    const idx = ids.map((_, j) => offset + j);
    await db.query(
      `INSERT INTO person (id, phone, name, locale, "updatedAt") SELECT id, phone, name, 'ru', now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, phone, name)`,
      [ids, idx.map((i) => `+7708${String(i).padStart(7, "0")}`), idx.map((i) => `Пользователь ${i + 1}`)],
    );
    const roles = idx.map((i) => (i < PARTNERS ? "PRIMARY" : i % 3 === 0 ? "RESTRICTED" : "FULL"));
    await db.query(
      `INSERT INTO membership (id, "partnerId", "personId", role, rights, "updatedAt")
       SELECT gen_random_uuid(), p, per, r::"MemberRole", CASE WHEN r = 'RESTRICTED' THEN '{"profile":"view","audit":"view"}'::jsonb ELSE '{}'::jsonb END, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(p, per, r)`,
      [idx.map((i) => partnerIds[i % PARTNERS]!), ids, roles],
    );
    ids.forEach((id, j) => persons.push({ id, partner: partnerIds[idx[j]! % PARTNERS]!, role: roles[j]! }));
  }
  log(`${USERS} users`);
  await seedDesk(db, partnerIds);
  log("an outsourcing company serving every Partner, with a manager");

  const byPartner = new Map<string, { id: string; role: string }[]>();
  for (const p of persons) (byPartner.get(p.partner) ?? byPartner.set(p.partner, []).get(p.partner)!).push(p);

  // The first Partner is the big one; the rest share the remaining events evenly.
  const perPartner = Math.floor((EVENTS - BIG_PARTNER_EVENTS) / (PARTNERS - 1));
  const remainder = EVENTS - BIG_PARTNER_EVENTS - perPartner * (PARTNERS - 1);
  let written = 0;
  for (const [index, partnerId] of partnerIds.entries()) {
    const total = index === 0 ? BIG_PARTNER_EVENTS : perPartner + (index <= remainder ? 1 : 0);
    const people = byPartner.get(partnerId)!;
    const chainKey = `partner:${partnerId}`;
    let prevHash = GENESIS_HASH;
    let columns = emptyColumns();
    for (let seq = 1; seq <= total; seq++) {
      const actor = people[seq % people.length]!;
      const row = {
        chainKey,
        seq,
        prevHash,
        createdAt: new Date(END - SPAN + Math.floor((seq / total) * SPAN)),
        partnerId,
        actorPersonId: actor.id,
        actorRole: actor.role,
        actorPhone: null,
        action: ACTIONS[seq % ACTIONS.length]!,
        targetType: "person",
        targetId: actor.id,
        outcome: seq % 50 === 0 ? "DENIED" : "SUCCESS",
        ip: `10.1.${seq % 250}.${index % 250}`,
        userAgent: "Mozilla/5.0",
        requestId: null,
        details: null,
      };
      const hash = auditHash(row);
      push(columns, row, hash);
      prevHash = hash;
      if (columns.seq.length === BATCH || seq === total) {
        await insertEvents(db, columns);
        written += columns.seq.length;
        columns = emptyColumns();
      }
    }
    await db.query(
      `INSERT INTO audit_chain_head ("chainKey", seq, hash) VALUES ($1, $2, $3) ON CONFLICT ("chainKey") DO UPDATE SET seq = $2, hash = $3`,
      [chainKey, total, prevHash],
    );
    if (index % 100 === 0) log(`${written} audit events`);
  }
  await db.query("ANALYZE");
  log(`done: ${PARTNERS} partners, ${USERS} users, ${written} audit events`);
  await db.end();
}

/** The company's manager reaches every Partner it serves (the desk's widest scope). Phone +77090000000. */
const SCALE_MANAGER_PHONE = "+77090000000";

async function seedDesk(db: pg.Client, partnerIds: string[]): Promise<void> {
  const companyId = randomUUID();
  const personId = randomUUID();
  await db.query(`INSERT INTO outsourcing_company (id, name) VALUES ($1, 'ТОО «Аутсорсинг Нагрузка»')`, [companyId]);
  await db.query(`UPDATE partner SET "outsourcingCompanyId" = $1 WHERE id = ANY($2::uuid[])`, [companyId, partnerIds]);
  await db.query(
    `INSERT INTO person (id, phone, name, locale, "updatedAt") VALUES ($1, $2, 'Менеджер нагрузки', 'ru', now())`,
    [personId, SCALE_MANAGER_PHONE],
  );
  await db.query(
    `INSERT INTO staff_member (id, "companyId", "personId", role) VALUES (gen_random_uuid(), $1, $2, 'MANAGER')`,
    [companyId, personId],
  );
}

function emptyColumns() {
  return {
    chainKey: [] as string[],
    seq: [] as number[],
    prevHash: [] as string[],
    hash: [] as string[],
    createdAt: [] as string[],
    partnerId: [] as string[],
    actorPersonId: [] as string[],
    actorRole: [] as string[],
    action: [] as string[],
    targetType: [] as string[],
    targetId: [] as string[],
    outcome: [] as string[],
    ip: [] as string[],
    userAgent: [] as string[],
  };
}

function push(
  c: ReturnType<typeof emptyColumns>,
  row: {
    chainKey: string;
    seq: number;
    prevHash: string;
    createdAt: Date;
    partnerId: string;
    actorPersonId: string;
    actorRole: string;
    action: string;
    targetType: string;
    targetId: string;
    outcome: string;
    ip: string;
    userAgent: string;
  },
  hash: string,
) {
  c.chainKey.push(row.chainKey);
  c.seq.push(row.seq);
  c.prevHash.push(row.prevHash);
  c.hash.push(hash);
  c.createdAt.push(row.createdAt.toISOString());
  c.partnerId.push(row.partnerId);
  c.actorPersonId.push(row.actorPersonId);
  c.actorRole.push(row.actorRole);
  c.action.push(row.action);
  c.targetType.push(row.targetType);
  c.targetId.push(row.targetId);
  c.outcome.push(row.outcome);
  c.ip.push(row.ip);
  c.userAgent.push(row.userAgent);
}

async function insertEvents(db: pg.Client, c: ReturnType<typeof emptyColumns>): Promise<void> {
  await db.query(
    `INSERT INTO audit_event ("chainKey", seq, "prevHash", hash, "createdAt", "partnerId", "actorPersonId", "actorRole", action, "targetType", "targetId", outcome, ip, "userAgent")
     SELECT ck, s, ph, h, ca::timestamp(3), p, a, r, act, tt, ti, o::"AuditOutcome", ip, ua
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
       AS t(ck, s, ph, h, ca, p, a, r, act, tt, ti, o, ip, ua)`,
    [
      c.chainKey,
      c.seq,
      c.prevHash,
      c.hash,
      c.createdAt,
      c.partnerId,
      c.actorPersonId,
      c.actorRole,
      c.action,
      c.targetType,
      c.targetId,
      c.outcome,
      c.ip,
      c.userAgent,
    ],
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
