// `npm run seed:scale`: fills a database with realistic volume for benchmarks: 1,000 Partners,
// 20,000 users and 2,000,000 audit events with valid hash chains (one Partner holds 100,000 of
// them, for export tests), one outsourcing company serving every Partner with a manager at its
// desk, and 200,000 documents with one version each (the first Partner holds 20,000 of them; the
// files themselves are not written), and 200,000 requests with 2,000,000 messages, one thread of 500
// and an accountant serving 300 Partners (scripts/lib/seed-requests.ts). SCALE_STEPS=requests adds
// only the requests to a database the whole script filled before. Refuses a non-local database.
// Uses DATABASE_URL, else SCALE_DATABASE_URL.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { GENESIS_HASH, auditHash } from "@/lib/audit/hash";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabase } from "@/lib/db/testing";
import { sequentialKzTaxId } from "@/lib/validation/kz-tax-id";
import { seedRequests } from "./lib/seed-requests";

const PARTNERS = Number(process.env.SCALE_PARTNERS ?? 1000);
const USERS = Number(process.env.SCALE_USERS ?? 20_000);
const EVENTS = Number(process.env.SCALE_EVENTS ?? 2_000_000);
const BIG_PARTNER_EVENTS = Number(process.env.SCALE_BIG_PARTNER_EVENTS ?? 100_000);
const DOCUMENTS = Number(process.env.SCALE_DOCUMENTS ?? 200_000);
const BIG_PARTNER_DOCUMENTS = Number(process.env.SCALE_BIG_PARTNER_DOCUMENTS ?? 20_000);
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
  if (process.env.SCALE_STEPS === "requests") {
    await seedRequests(db, { end: END, random: seededRandom(20261202), log });
    await db.end();
    return;
  }

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
  const desk = await seedDesk(db, partnerIds);
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
  const documents = await seedDocuments(db, partnerIds, byPartner, desk, log);
  await db.query("VACUUM ANALYZE document, document_version, document_receipt");
  const requests = await seedRequests(db, { end: END, random: seededRandom(20261202), log });
  await db.query("ANALYZE");
  log(
    `done: ${PARTNERS} partners, ${USERS} users, ${written} audit events, ${documents} documents, ` +
      `${requests.requests} requests with ${requests.messages} messages`,
  );
  await db.end();
}

/** The company's manager reaches every Partner it serves (the desk's widest scope). Phone +77090000000. */
const SCALE_MANAGER_PHONE = "+77090000000";

async function seedDesk(db: pg.Client, partnerIds: string[]): Promise<{ companyId: string; managerId: string }> {
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
  return { companyId, managerId: personId };
}

// Documents: realistic titles (Russian, some Kazakh) by category, one version each; the files
// themselves are not written (their keys are fake), so only the lists and search can be measured.
const RU_MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const KZ_MONTHS = [
  "қаңтар",
  "ақпан",
  "наурыз",
  "сәуір",
  "мамыр",
  "маусым",
  "шілде",
  "тамыз",
  "қыркүйек",
  "қазан",
  "қараша",
  "желтоқсан",
];
const COMPANIES = [
  "Алатау Строй",
  "КазТрансСервис",
  "Астана Логистик",
  "Береке",
  "Достык Трейд",
  "Самрук Снаб",
  "Шымкент Агро",
  "Жетісу Маркет",
];
const PEOPLE = [
  "Ахметов Н. С.",
  "Иванова О. П.",
  "Сейткали А. Б.",
  "Нурланова Д. Е.",
  "Ким В. Г.",
  "Жумабеков Е. А.",
  "Петренко И. В.",
];
const DESCRIPTIONS = [
  "Подписан обеими сторонами",
  "Оригинал передан курьером",
  "Скан с печатью и подписью",
  "Требует проверки бухгалтером",
  "Түпнұсқасы кеңседе",
  "Қол қойылған нұсқасы",
  "Исправленная редакция после замечаний",
];

interface TitleParts {
  n: number;
  month: number;
  year: number;
  pick: <T>(list: readonly T[]) => T;
}
type Category = "contracts" | "acts_invoices" | "tax_reports" | "hr" | "constituent" | "other";

/** Title makers per category; the Kazakh ones last. `periodic` titles cover a month (their period is set). */
const TITLES: Record<Category, { weight: number; periodic: boolean; make: ((p: TitleParts) => string)[] }> = {
  contracts: {
    weight: 15,
    periodic: false,
    make: [
      (p) => `Договор поставки № ${p.n}`,
      (p) => `Договор аренды помещения № ${p.n}/${p.year % 100}`,
      (p) => `Договор оказания услуг с ТОО «${p.pick(COMPANIES)}»`,
      (p) => `Дополнительное соглашение № ${(p.n % 7) + 1} к договору № ${p.n}`,
      (p) => `Договор займа с ${p.pick(PEOPLE)}`,
      (p) => `Жеткізу шарты № ${p.n}`,
      (p) => `Жалға алу шарты № ${p.n}`,
    ],
  },
  acts_invoices: {
    weight: 35,
    periodic: true,
    make: [
      (p) => `Акт выполненных работ за ${RU_MONTHS[p.month]} ${p.year}`,
      (p) => `Счёт на оплату № ${p.n} (ТОО «${p.pick(COMPANIES)}»)`,
      (p) => `Счёт-фактура № ${p.n} за ${RU_MONTHS[p.month]}`,
      (p) => `Накладная на отпуск запасов № ${p.n}`,
      (p) => `Акт сверки взаиморасчётов с ТОО «${p.pick(COMPANIES)}» за ${RU_MONTHS[p.month]} ${p.year}`,
      (p) => `Орындалған жұмыстар актісі, ${KZ_MONTHS[p.month]} ${p.year}`,
      (p) => `Шот-фактура № ${p.n}`,
    ],
  },
  tax_reports: {
    weight: 15,
    periodic: true,
    make: [
      (p) => `Форма 910.00 за ${p.month < 6 ? 1 : 2} полугодие ${p.year}`,
      (p) => `Форма 200.00 за ${Math.floor(p.month / 3) + 1} квартал ${p.year}`,
      (p) => `Форма 300.00 (НДС) за ${Math.floor(p.month / 3) + 1} квартал ${p.year}`,
      (p) => `Декларация по КПН, форма 100.00 за ${p.year - 1} год`,
      () => `Уведомление КГД о камеральном контроле`,
      (p) => `Салық есептілігі: 910.00 нысаны, ${p.year}`,
    ],
  },
  hr: {
    weight: 15,
    periodic: true,
    make: [
      (p) => `Трудовой договор с ${p.pick(PEOPLE)}`,
      (p) => `Приказ о приёме на работу № ${p.n}-к`,
      (p) => `Приказ об отпуске: ${p.pick(PEOPLE)}`,
      (p) => `Табель учёта рабочего времени за ${RU_MONTHS[p.month]} ${p.year}`,
      (p) => `Ведомость начисления заработной платы за ${RU_MONTHS[p.month]} ${p.year}`,
      (p) => `Еңбек шарты, ${p.pick(PEOPLE)}`,
      (p) => `Жұмысқа қабылдау туралы бұйрық № ${p.n}`,
    ],
  },
  constituent: {
    weight: 5,
    periodic: false,
    make: [
      () => `Устав ТОО`,
      (p) => `Решение единственного участника № ${p.n % 20}`,
      () => `Справка о государственной регистрации юридического лица`,
      () => `Свидетельство о постановке на учёт по НДС`,
      () => `Жарғы`,
      () => `Мемлекеттік тіркеу туралы анықтама`,
    ],
  },
  other: {
    weight: 15,
    periodic: false,
    make: [
      (p) => `Доверенность № ${p.n} на ${p.pick(PEOPLE)}`,
      (p) => `Банковская выписка за ${RU_MONTHS[p.month]} ${p.year}`,
      (p) => `Письмо в ТОО «${p.pick(COMPANIES)}» об изменении реквизитов`,
      () => `Коммерческое предложение`,
      (p) => `Сенімхат № ${p.n}`,
      (p) => `Банк үзіндісі, ${KZ_MONTHS[p.month]} ${p.year}`,
    ],
  },
};
const CATEGORY_WHEEL = (Object.keys(TITLES) as Category[]).flatMap((c) => Array<Category>(TITLES[c].weight).fill(c));

/** A small seeded generator (mulberry32), so every run writes the same titles. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emptyDocumentColumns() {
  return {
    id: [] as string[],
    partnerId: [] as string[],
    category: [] as string[],
    title: [] as string[],
    description: [] as (string | null)[],
    periodStart: [] as (string | null)[],
    periodEnd: [] as (string | null)[],
    direction: [] as string[],
    status: [] as string[],
    createdById: [] as string[],
    companyId: [] as (string | null)[],
    sentAt: [] as (string | null)[],
    archivedAt: [] as (string | null)[],
    createdAt: [] as string[],
    versionId: [] as string[],
    storageKey: [] as string[],
    originalName: [] as string[],
    size: [] as number[],
    sha256: [] as string[],
  };
}

/**
 * SCALE_DOCUMENTS documents over all Partners, SCALE_BIG_PARTNER_DOCUMENTS of them in the first:
 * a mix of categories and directions (kept, sent to the outsourcer, sent by it), created over the
 * year, each with one version (a PDF, not scanned). Documents first (the version points at its
 * document), then the versions, then each document's current version (the search trigger fills
 * `search` on insert and again then); read receipts for most sent documents; each Partner's
 * storage in use is the exact sum of its versions (its limit raised to fit where it was lower).
 */
async function seedDocuments(
  db: pg.Client,
  partnerIds: string[],
  byPartner: Map<string, { id: string; role: string }[]>,
  desk: { companyId: string; managerId: string },
  log: (line: string) => void,
): Promise<number> {
  const random = seededRandom(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const others = partnerIds.length - 1;
  const perPartner = others > 0 ? Math.floor((DOCUMENTS - BIG_PARTNER_DOCUMENTS) / others) : 0;
  const remainder = others > 0 ? DOCUMENTS - BIG_PARTNER_DOCUMENTS - perPartner * others : 0;
  let columns = emptyDocumentColumns();
  let written = 0;
  for (const [index, partnerId] of partnerIds.entries()) {
    const total = index === 0 ? BIG_PARTNER_DOCUMENTS : perPartner + (index <= remainder ? 1 : 0);
    const people = byPartner.get(partnerId)!;
    for (let i = 0; i < total; i++) {
      const createdAt = new Date(END - Math.floor(random() * SPAN));
      const category = pick(CATEGORY_WHEEL);
      const kind = TITLES[category];
      // The month a document covers: the one before it was made.
      const covered = new Date(Date.UTC(createdAt.getUTCFullYear(), createdAt.getUTCMonth() - 1, 1));
      const title = pick(kind.make)({
        n: 1 + Math.floor(random() * 999),
        month: covered.getUTCMonth(),
        year: covered.getUTCFullYear(),
        pick,
      });
      const roll = random();
      const direction = roll < 0.55 ? "INTERNAL" : roll < 0.8 ? "TO_OUTSOURCER" : "FROM_OUTSOURCER";
      const archived = direction === "INTERNAL" && random() < 0.05;
      const creator = direction === "FROM_OUTSOURCER" ? desk.managerId : people[i % people.length]!.id;
      const periodic = kind.periodic && random() < 0.8;
      columns.id.push(randomUUID());
      columns.partnerId.push(partnerId);
      columns.category.push(category);
      columns.title.push(title);
      columns.description.push(random() < 0.3 ? pick(DESCRIPTIONS) : null);
      columns.periodStart.push(periodic ? covered.toISOString().slice(0, 10) : null);
      columns.periodEnd.push(
        periodic
          ? new Date(Date.UTC(covered.getUTCFullYear(), covered.getUTCMonth() + 1, 0)).toISOString().slice(0, 10)
          : null,
      );
      columns.direction.push(direction);
      columns.status.push(direction === "INTERNAL" ? (archived ? "ARCHIVED" : "DRAFT") : "SENT");
      columns.createdById.push(creator);
      columns.companyId.push(direction === "INTERNAL" ? null : desk.companyId);
      columns.sentAt.push(
        direction === "INTERNAL" ? null : new Date(createdAt.getTime() + 60_000 * (1 + random() * 120)).toISOString(),
      );
      columns.archivedAt.push(archived ? new Date(createdAt.getTime() + 86_400_000).toISOString() : null);
      columns.createdAt.push(createdAt.toISOString());
      columns.versionId.push(randomUUID());
      columns.storageKey.push(`documents/scale/${randomUUID()}`);
      columns.originalName.push(`${title.replace(/[«»"/\\:]/g, "").slice(0, 120)}.pdf`);
      // Scans and exports: 30 KB to 8 MB, most of them small.
      columns.size.push(Math.round(30_000 * Math.pow(8_000_000 / 30_000, random() ** 2)));
      columns.sha256.push(randomBytes(32).toString("hex"));
      if (columns.id.length === BATCH) {
        await insertDocuments(db, columns);
        written += columns.id.length;
        columns = emptyDocumentColumns();
      }
    }
    if (index % 100 === 0) log(`${written} documents`);
  }
  if (columns.id.length > 0) {
    await insertDocuments(db, columns);
    written += columns.id.length;
  }
  // Most sent documents were opened by the other side: the Partner's primary user, or the manager.
  await db.query(
    `INSERT INTO document_receipt (id, "partnerId", "documentId", "personId", "openedAt")
     SELECT gen_random_uuid(), d."partnerId", d.id,
            CASE WHEN d.direction = 'FROM_OUTSOURCER' THEN m."personId" ELSE $1::uuid END,
            d."sentAt" + interval '3 hours'
       FROM document d JOIN membership m ON m."partnerId" = d."partnerId" AND m.role = 'PRIMARY'
      WHERE d."sentAt" IS NOT NULL AND (hashtext(d.id::text) & 1023) < 716`,
    [desk.managerId],
  );
  await db.query(
    `UPDATE partner p
        SET "storageUsedBytes" = s.used,
            "storageLimitMb" = GREATEST(p."storageLimitMb", ceil(s.used / 1048576.0)::int)
       FROM (SELECT "partnerId", sum(size) AS used FROM document_version GROUP BY "partnerId") s
      WHERE p.id = s."partnerId"`,
  );
  log(`${written} documents with their versions and read receipts`);
  return written;
}

async function insertDocuments(db: pg.Client, c: ReturnType<typeof emptyDocumentColumns>): Promise<void> {
  await db.query("BEGIN");
  await db.query(
    `INSERT INTO document (id, "partnerId", category, title, description, "periodStart", "periodEnd", direction, status,
                           "createdById", "companyId", "sentById", "sentAt", "archivedAt", "versionCount", "createdAt", "updatedAt")
     SELECT id, p, cat::"DocumentCategory", ti, descr, ps::date, pe::date, dir::"DocumentDirection", st::"DocumentStatus",
            cb, co, CASE WHEN sa IS NULL THEN NULL ELSE cb END, sa::timestamp(3), aa::timestamp(3), 1, ca::timestamp(3),
            coalesce(aa, sa, ca)::timestamp(3)
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::uuid[], $11::uuid[], $12::text[], $13::text[], $14::text[])
         AS t(id, p, cat, ti, descr, ps, pe, dir, st, cb, co, sa, aa, ca)`,
    [
      c.id,
      c.partnerId,
      c.category,
      c.title,
      c.description,
      c.periodStart,
      c.periodEnd,
      c.direction,
      c.status,
      c.createdById,
      c.companyId,
      c.sentAt,
      c.archivedAt,
      c.createdAt,
    ],
  );
  await db.query(
    `INSERT INTO document_version (id, "partnerId", "documentId", number, "storageKey", "originalName", mime, size, sha256,
                                   "uploadedById", "scanStatus", "createdAt")
     SELECT v, p, d, 1, k, n, 'application/pdf', s, h, u, 'NOT_SCANNED', ca::timestamp(3)
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::uuid[], $9::text[])
         AS t(v, p, d, k, n, s, h, u, ca)`,
    [c.versionId, c.partnerId, c.id, c.storageKey, c.originalName, c.size, c.sha256, c.createdById, c.createdAt],
  );
  await db.query(
    `UPDATE document d SET "currentVersionId" = t.v FROM unnest($1::uuid[], $2::uuid[]) AS t(d, v) WHERE d.id = t.d`,
    [c.id, c.versionId],
  );
  await db.query("COMMIT");
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
