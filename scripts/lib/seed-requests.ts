// The requests part of `npm run seed:scale`: SCALE_REQUESTS requests (default 200,000) spread over the
// Partners of the scale company, with SCALE_MESSAGES messages (default 2,000,000) in their threads,
// one thread of SCALE_LONG_THREAD messages (default 500), and an accountant assigned to
// SCALE_ACCOUNTANT_PARTNERS Partners (default 300) whose desk the benchmark opens. Most requests
// are closed; those of the last three weeks are open, each with the due time its status gives.
// Messages carry the SHA-256 of their text, as the app writes them.
import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";

const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 200_000);
const MESSAGES = Number(process.env.SCALE_MESSAGES ?? 2_000_000);
const LONG_THREAD = Number(process.env.SCALE_LONG_THREAD ?? 500);
const ACCOUNTANT_PARTNERS = Number(process.env.SCALE_ACCOUNTANT_PARTNERS ?? 300);
const BATCH = 5_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The accountant whose desk the requests benchmark opens. */
export const SCALE_ACCOUNTANT_PHONE = "+77090000001";

const CATEGORIES = ["accounting", "tax_reporting", "payroll_hr", "legal", "other"] as const;
const SUBJECTS: Record<(typeof CATEGORIES)[number], string[]> = {
  accounting: [
    "Проведите, пожалуйста, акты за {month}",
    "Сверка с ТОО «Береке» за {month}",
    "Почему не сходится остаток по счёту 1030?",
    "{month} айындағы шот-фактураларды тексеріңіз",
  ],
  tax_reporting: [
    "Форма 910.00 за полугодие",
    "Уведомление КГД: что ответить?",
    "Декларация по НДС за квартал",
    "Салық есептілігі бойынша сұрақ",
  ],
  payroll_hr: [
    "Ведомость по зарплате за {month}",
    "Приём нового сотрудника с 1 числа",
    "Отпуск Ахметова Н. С.",
    "Еңбек шартын дайындаңыз",
  ],
  legal: ["Проверьте договор поставки", "Претензия от контрагента", "Доверенность на получение груза"],
  other: ["Справка для банка", "Вопрос по тарифу", "Сканы оригиналов"],
};
const PARTNER_LINES = [
  "Добрый день! Направляю документы, посмотрите, пожалуйста.",
  "Спасибо, получили. Когда будет готово?",
  "Уточняю: оплата прошла {day} числа.",
  "Сәлеметсіз бе! Құжаттарды жібердім.",
  "Можно перенести срок на следующую неделю?",
  "Табель во вложении, премии по приказу.",
];
const DESK_LINES = [
  "Здравствуйте! Взяли в работу.",
  "Нужен акт сверки с поставщиком за {month}, пришлите, пожалуйста.",
  "Готово, отчёт во вложении. Проверьте и подтвердите.",
  "Қабылдадық, жұмыс барысында.",
  "Сдали в КГД, талон во вложении.",
  "Уточните, пожалуйста, сумму премий.",
];
const MONTHS = [
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

function fill(template: string, random: () => number, at: Date): string {
  return template.replace("{month}", MONTHS[at.getUTCMonth()]!).replace("{day}", String(1 + Math.floor(random() * 28)));
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

interface Context {
  companyId: string;
  managerPersonId: string;
  managerStaffId: string;
  /** Every Partner the company serves, with the person who writes its requests (its primary user). */
  partners: { id: string; authorId: string }[];
}

/** Reads what the earlier steps of seed:scale made (so this step can also run alone on their database). */
async function context(db: pg.Client): Promise<Context> {
  const {
    rows: [manager],
  } = await db.query<{ companyId: string; personId: string; staffId: string }>(
    `SELECT s."companyId", s."personId", s.id AS "staffId" FROM staff_member s JOIN person p ON p.id = s."personId"
      WHERE p.phone = '+77090000000'`,
  );
  if (!manager) throw new Error("No scale company: run the whole `npm run seed:scale` first");
  const { rows: partners } = await db.query<{ id: string; authorId: string }>(
    `SELECT p.id, m."personId" AS "authorId" FROM partner p
       JOIN membership m ON m."partnerId" = p.id AND m.role = 'PRIMARY'
      WHERE p."outsourcingCompanyId" = $1 ORDER BY p."taxId"`,
    [manager.companyId],
  );
  return {
    companyId: manager.companyId,
    managerPersonId: manager.personId,
    managerStaffId: manager.staffId,
    partners,
  };
}

function columns() {
  return {
    id: [] as string[],
    partnerId: [] as string[],
    year: [] as number[],
    seq: [] as number[],
    number: [] as string[],
    category: [] as string[],
    priority: [] as string[],
    subject: [] as string[],
    status: [] as string[],
    authorId: [] as string[],
    assigneeId: [] as (string | null)[],
    firstResponseDueAt: [] as string[],
    firstRespondedAt: [] as (string | null)[],
    clockStartedAt: [] as (string | null)[],
    resolutionDueAt: [] as (string | null)[],
    dueAt: [] as (string | null)[],
    resolvedAt: [] as (string | null)[],
    closedAt: [] as (string | null)[],
    lastMessageAt: [] as string[],
    createdAt: [] as string[],
  };
}

function messageColumns() {
  return {
    partnerId: [] as string[],
    requestId: [] as string[],
    authorId: [] as string[],
    side: [] as string[],
    text: [] as string[],
    sha256: [] as string[],
    createdAt: [] as string[],
  };
}

/**
 * Writes the requests step. `end` is the moment the seeded history ends; `random` the seeded
 * generator of seed:scale, so every run writes the same data.
 */
export async function seedRequests(
  db: pg.Client,
  options: { end: number; random: () => number; log: (line: string) => void },
): Promise<{ requests: number; messages: number; accountantPhone: string; longThreadId: string }> {
  const { end, random, log } = options;
  const ctx = await context(db);
  const accountant = await seedAccountant(db, ctx);
  const served = new Set(ctx.partners.slice(0, ACCOUNTANT_PARTNERS).map((p) => p.id));
  const perPartner = Math.floor(REQUESTS / ctx.partners.length);
  const extra = REQUESTS - perPartner * ctx.partners.length;
  // Messages beyond the long thread, spread evenly: each request gets `base` or `base + 1`.
  const others = REQUESTS - 1;
  const base = Math.floor((MESSAGES - LONG_THREAD) / others);
  const plusOne = MESSAGES - LONG_THREAD - base * others;

  let reqs = columns();
  let msgs = messageColumns();
  let requests = 0;
  let messages = 0;
  let longThreadId = "";
  const flush = async (force: boolean) => {
    if (reqs.id.length >= BATCH || (force && reqs.id.length > 0)) {
      await insertRequests(db, ctx.companyId, reqs);
      requests += reqs.id.length;
      reqs = columns();
    }
    if (msgs.requestId.length >= BATCH * 4 || (force && msgs.requestId.length > 0)) {
      // The requests of these messages are in: a batch of messages is written after its requests.
      if (reqs.id.length > 0) {
        await insertRequests(db, ctx.companyId, reqs);
        requests += reqs.id.length;
        reqs = columns();
      }
      await insertMessages(db, msgs);
      messages += msgs.requestId.length;
      msgs = messageColumns();
    }
  };

  const counters: { partnerId: string; year: number; last: number }[] = [];
  let index = 0;
  for (const [p, partner] of ctx.partners.entries()) {
    const count = perPartner + (p < extra ? 1 : 0);
    // Creation times over the year, in order, so numbers follow time per Partner and year.
    const times = Array.from({ length: count }, () => end - Math.floor(random() * 365 * DAY)).sort((x, y) => x - y);
    const seqByYear = new Map<number, number>();
    for (const t of times) {
      const createdAt = new Date(t);
      const year = createdAt.getUTCFullYear();
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)]!;
      const subjects = SUBJECTS[category];
      const age = end - t;
      const roll = random();
      const status =
        age < 21 * DAY
          ? roll < 0.3
            ? "NEW"
            : roll < 0.8
              ? "IN_PROGRESS"
              : "WAITING_PARTNER"
          : age < 35 * DAY && roll < 0.4
            ? "RESOLVED"
            : "CLOSED";
      const assignee =
        category === "accounting" || category === "tax_reporting"
          ? served.has(partner.id)
            ? accountant.staffId
            : ctx.managerStaffId
          : random() < 0.9
            ? ctx.managerStaffId
            : null;
      const isLong = index === 0;
      const n = isLong ? LONG_THREAD : base + (index - 1 < plusOne ? 1 : 0);
      // Messages an hour or so apart (the long thread: over weeks), the Partner writing first.
      const gap = isLong ? Math.floor(Math.min(age, 60 * DAY) / (n + 1)) : HOUR + Math.floor(random() * 6 * HOUR);
      const id = randomUUID();
      if (isLong) longThreadId = id;
      let last = t;
      for (let k = 0; k < n; k++) {
        const at = t + k * gap;
        last = at;
        const partnerSide = k % 2 === 0;
        const line = (partnerSide ? PARTNER_LINES : DESK_LINES)[Math.floor(random() * 6)]!;
        const text =
          k === 0
            ? `${fill(subjects[0]!, random, createdAt)}. ${fill(line, random, createdAt)}`
            : fill(line, random, createdAt);
        msgs.partnerId.push(partner.id);
        msgs.requestId.push(id);
        msgs.authorId.push(
          partnerSide ? partner.authorId : assignee === accountant.staffId ? accountant.personId : ctx.managerPersonId,
        );
        msgs.side.push(partnerSide ? "PARTNER" : "OUTSOURCER");
        msgs.text.push(text);
        msgs.sha256.push(sha256(text));
        msgs.createdAt.push(new Date(at).toISOString());
      }
      const firstDue = t + 8 * HOUR;
      const resolutionDue = t + 40 * HOUR;
      const answered = n > 1 ? new Date(t + gap).toISOString() : null;
      const open = status === "NEW" || status === "IN_PROGRESS" || status === "WAITING_PARTNER";
      reqs.id.push(id);
      reqs.partnerId.push(partner.id);
      reqs.year.push(year);
      reqs.seq.push(seq);
      reqs.number.push(`З-${year}-${String(seq).padStart(4, "0")}`);
      reqs.category.push(category);
      reqs.priority.push(random() < 0.15 ? "urgent" : "normal");
      reqs.subject.push(fill(subjects[Math.floor(random() * subjects.length)]!, random, createdAt));
      reqs.status.push(status);
      reqs.authorId.push(partner.authorId);
      reqs.assigneeId.push(assignee);
      reqs.firstResponseDueAt.push(new Date(firstDue).toISOString());
      reqs.firstRespondedAt.push(status === "NEW" ? null : answered);
      reqs.clockStartedAt.push(status === "NEW" || status === "IN_PROGRESS" ? new Date(t).toISOString() : null);
      reqs.resolutionDueAt.push(open && status !== "WAITING_PARTNER" ? new Date(resolutionDue).toISOString() : null);
      reqs.dueAt.push(
        status === "NEW"
          ? new Date(firstDue).toISOString()
          : status === "IN_PROGRESS"
            ? new Date(resolutionDue).toISOString()
            : null,
      );
      reqs.resolvedAt.push(open ? null : new Date(last + HOUR).toISOString());
      reqs.closedAt.push(status === "CLOSED" ? new Date(last + 8 * DAY).toISOString() : null);
      reqs.lastMessageAt.push(new Date(last).toISOString());
      reqs.createdAt.push(createdAt.toISOString());
      index += 1;
      await flush(false);
    }
    for (const [year, last] of seqByYear) counters.push({ partnerId: partner.id, year, last });
    if (p % 100 === 0) log(`${requests} requests, ${messages} messages`);
  }
  await flush(true);
  await db.query(
    `INSERT INTO request_counter ("partnerId", year, last)
     SELECT p, y, l FROM unnest($1::uuid[], $2::int[], $3::int[]) AS t(p, y, l)
     ON CONFLICT ("partnerId", year) DO UPDATE SET last = GREATEST(request_counter.last, EXCLUDED.last)`,
    [counters.map((c) => c.partnerId), counters.map((c) => c.year), counters.map((c) => c.last)],
  );
  // The accountant has read most threads up to their last message.
  await db.query(
    `INSERT INTO request_read (id, "partnerId", "requestId", "personId", "lastReadAt")
     SELECT gen_random_uuid(), r."partnerId", r.id, $1::uuid, r."lastMessageAt" FROM request r
      WHERE r."assigneeId" = $2::uuid AND (hashtext(r.id::text) & 7) <> 0
     ON CONFLICT ("requestId", "personId") DO NOTHING`,
    [accountant.personId, accountant.staffId],
  );
  await db.query("VACUUM ANALYZE request, request_message, request_read, request_counter");
  log(
    `${requests} requests with ${messages} messages; the accountant ${SCALE_ACCOUNTANT_PHONE} serves ${served.size} Partners`,
  );
  return { requests, messages, accountantPhone: SCALE_ACCOUNTANT_PHONE, longThreadId };
}

/** An accountant of the scale company, assigned for accounting to the first ACCOUNTANT_PARTNERS Partners. */
async function seedAccountant(db: pg.Client, ctx: Context): Promise<{ personId: string; staffId: string }> {
  const personId = randomUUID();
  const staffId = randomUUID();
  await db.query(
    `INSERT INTO person (id, phone, name, locale, "updatedAt") VALUES ($1, $2, 'Бухгалтер нагрузки', 'ru', now())`,
    [personId, SCALE_ACCOUNTANT_PHONE],
  );
  await db.query(`INSERT INTO staff_member (id, "companyId", "personId", role) VALUES ($1, $2, $3, 'ACCOUNTANT')`, [
    staffId,
    ctx.companyId,
    personId,
  ]);
  await db.query(
    `INSERT INTO staff_assignment (id, "partnerId", "staffMemberId", responsibility)
     SELECT gen_random_uuid(), p, $2::uuid, 'ACCOUNTING' FROM unnest($1::uuid[]) AS p`,
    [ctx.partners.slice(0, ACCOUNTANT_PARTNERS).map((p) => p.id), staffId],
  );
  return { personId, staffId };
}

async function insertRequests(db: pg.Client, companyId: string, c: ReturnType<typeof columns>): Promise<void> {
  await db.query(
    `INSERT INTO request (id, "partnerId", "companyId", year, seq, number, category, priority, subject, status,
                          "authorId", "assigneeId", "firstResponseDueAt", "firstRespondedAt", "resolutionTargetMs",
                          "consumedMs", "clockStartedAt", "resolutionDueAt", "dueAt", "resolvedAt", "closedAt",
                          "lastMessageAt", "createdAt", "updatedAt")
     SELECT id, p, $1::uuid, y, s, num, cat::"RequestCategory", pr::"RequestPriority", subj, st::"RequestStatus",
            au, asg, frd::timestamp(3), fra::timestamp(3), 144000000, 0, csa::timestamp(3), rda::timestamp(3),
            da::timestamp(3), ra::timestamp(3), cla::timestamp(3), lma::timestamp(3), ca::timestamp(3),
            coalesce(cla, ra, lma)::timestamp(3)
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::text[],
                   $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
         AS t(id, p, y, s, num, cat, pr, subj, st, au, asg, frd, fra, csa, rda, da, ra, cla, lma, ca)`,
    [
      companyId,
      c.id,
      c.partnerId,
      c.year,
      c.seq,
      c.number,
      c.category,
      c.priority,
      c.subject,
      c.status,
      c.authorId,
      c.assigneeId,
      c.firstResponseDueAt,
      c.firstRespondedAt,
      c.clockStartedAt,
      c.resolutionDueAt,
      c.dueAt,
      c.resolvedAt,
      c.closedAt,
      c.lastMessageAt,
      c.createdAt,
    ],
  );
}

async function insertMessages(db: pg.Client, c: ReturnType<typeof messageColumns>): Promise<void> {
  await db.query(
    `INSERT INTO request_message (id, "partnerId", "requestId", "authorId", side, text, sha256, "createdAt")
     SELECT gen_random_uuid(), p, r, a, s::"RequestSide", tx, h, ca::timestamp(3)
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS t(p, r, a, s, tx, h, ca)`,
    [c.partnerId, c.requestId, c.authorId, c.side, c.text, c.sha256, c.createdAt],
  );
}
