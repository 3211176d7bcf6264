import { openSealed, readSubjectKeys } from "@/lib/audit/personal-data";
import { prismaSql, type Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  SUSPICIOUS_RULES,
  SUSPICIOUS_RULE_NAMES,
  SUSPICIOUS_SCAN_OVERLAP_MS,
  type SuspiciousRule,
} from "./suspicious-rules";

export interface Finding {
  rule: SuspiciousRule;
  subjectType: string;
  subjectKey: string;
  personId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  count: number;
}

/** Where a rule's subject sits in an audit row. Login events keep their number only as the chain's pseudonym. */
const SUBJECT_COLUMN = {
  phone: `substring("chainKey" from 7)`,
  person: `"actorPersonId"::text`,
  ip: `ip`,
} as const;

interface Hit {
  subject: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  count: number;
  /** For a phone subject: its sealed number from the newest event, to find the person. */
  sealedPhone: string | null;
}

/**
 * Subjects with at least `threshold` events (or distinct addresses) in some window of the rule
 * ending between `from` and `at`, after anything already reviewed for them. Each event is the end
 * of a window: a sliding window, so a burst is caught wherever ticks of the job fall.
 */
async function hitsOf(sql: Sql, rule: SuspiciousRule, from: Date, at: Date): Promise<Hit[]> {
  const def = SUSPICIOUS_RULES[rule];
  const subject = SUBJECT_COLUMN[def.subject];
  // A literal (a constant of ours, not input): window frames take no parameters.
  const width = `interval '${Math.round(def.windowMs / 1000)} seconds'`;
  const filters = [
    def.subject === "phone" ? `"chainKey" LIKE 'phone:%'` : `${subject} IS NOT NULL`,
    def.actions.includes("auth.login" as never) ? `outcome = 'SUCCESS'` : "true",
    def.distinctIps ? "ip IS NOT NULL" : "true",
  ].join(" AND ");
  const windows = def.distinctIps
    ? `SELECT e.subject, e.t, e.sample, x.n, x.start FROM ev e
       CROSS JOIN LATERAL (
         SELECT count(DISTINCT y.ip)::int AS n, min(y.t) AS start FROM ev y
         WHERE y.subject = e.subject AND y.t >= e.t - ${width} AND y.t <= e.t
       ) x`
    : `SELECT subject, t, sample,
              (count(*) OVER w)::int AS n, min(t) OVER w AS start
       FROM ev WINDOW w AS (PARTITION BY subject ORDER BY t RANGE BETWEEN ${width} PRECEDING AND CURRENT ROW)`;
  return sql.query<Hit>(
    `WITH ev AS (
       SELECT ${subject} AS subject, ip, "createdAt" AS t, ${def.subject === "phone" ? `"targetId"` : "NULL::text"} AS sample
       FROM audit_event
       WHERE action = ANY($1::text[]) AND "createdAt" >= $2::timestamp(3) - ${width} AND "createdAt" <= $3::timestamp(3)
         AND ${filters}
     ), win AS (${windows}),
     hits AS (
       SELECT win.* FROM win
       WHERE n >= $4 AND t >= $2::timestamp(3)
         AND t > COALESCE((SELECT max(s."lastSeenAt") FROM suspicious_activity s
                           WHERE s.rule = $5 AND s."subjectKey" = win.subject AND s.status = 'REVIEWED'),
                          '-infinity'::timestamp)
     )
     SELECT subject, min(start) AS "firstSeenAt", max(t) AS "lastSeenAt", max(n)::int AS count,
            (array_agg(sample ORDER BY t DESC))[1] AS "sealedPhone"
     FROM hits GROUP BY subject`,
    [[...def.actions], from, at, def.threshold, rule],
  );
}

/** The registered person behind each phone pseudonym, by opening a sealed number of its rows. */
async function peopleOfPhones(sql: Sql, hits: Hit[]): Promise<Map<string, string>> {
  const keys = await readSubjectKeys(
    sql,
    hits.map((h) => `phone:${h.subject}`),
  );
  const phones = new Map<string, string>();
  for (const hit of hits) {
    if (!hit.sealedPhone) continue;
    const opened = openSealed(hit.sealedPhone, keys);
    if ("value" in opened && typeof opened.value === "string") phones.set(opened.value, hit.subject);
  }
  if (!phones.size) return new Map();
  const people = await sql.query<{ id: string; phone: string }>(
    `SELECT id, phone FROM person WHERE phone = ANY($1::text[])`,
    [[...phones.keys()]],
  );
  return new Map(people.map((p) => [phones.get(p.phone)!, p.id]));
}

/**
 * Runs every rule over the audit trail up to `at` and records what it finds in
 * `suspicious_activity`: a new open finding per rule and subject, or the open one widened (later
 * last-seen, higher count). Safe to repeat and to run on several instances at once: the open
 * finding is unique per rule and subject (`openKey`), and the upsert only ever widens it.
 */
export async function detectSuspiciousActivity(db: Prisma.TransactionClient, at: Date): Promise<Finding[]> {
  const sql = prismaSql(db);
  const findings: Finding[] = [];
  for (const rule of SUSPICIOUS_RULE_NAMES) {
    const def = SUSPICIOUS_RULES[rule];
    const from = new Date(at.getTime() - def.windowMs - SUSPICIOUS_SCAN_OVERLAP_MS);
    const hits = await hitsOf(sql, rule, from, at);
    if (!hits.length) continue;
    const phonePeople = def.subject === "phone" ? await peopleOfPhones(sql, hits) : new Map<string, string>();
    for (const hit of hits) {
      const personId = def.subject === "person" ? hit.subject : (phonePeople.get(hit.subject) ?? null);
      const [row] = await sql.query<Finding>(
        `INSERT INTO suspicious_activity (id, rule, "subjectType", "subjectKey", "personId", "firstSeenAt", "lastSeenAt", count, status, "openKey", "createdAt")
         VALUES (gen_random_uuid(), $1, $2, $3, (SELECT id FROM person WHERE id::text = $4), $5::timestamp(3), $6::timestamp(3), $7, 'OPEN', $1 || ':' || $3, $8::timestamp(3))
         ON CONFLICT ("openKey") DO UPDATE SET
           "firstSeenAt" = LEAST(suspicious_activity."firstSeenAt", EXCLUDED."firstSeenAt"),
           "lastSeenAt" = GREATEST(suspicious_activity."lastSeenAt", EXCLUDED."lastSeenAt"),
           count = GREATEST(suspicious_activity.count, EXCLUDED.count),
           "personId" = COALESCE(suspicious_activity."personId", EXCLUDED."personId")
         RETURNING rule, "subjectType", "subjectKey", "personId", "firstSeenAt", "lastSeenAt", count`,
        [rule, def.subject, hit.subject, personId, hit.firstSeenAt, hit.lastSeenAt, hit.count, at],
      );
      if (row) findings.push(row);
    }
  }
  return findings;
}
