import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Personal values that an append-only audit row must keep (a phone with no person yet, the
 * before/after of a person's own data) are sealed with AES-256-GCM under a random key of their
 * subject, kept in `personal_data_key`. The row's hash covers the sealed text, so deleting the key
 * (erasure) makes the value unreadable without breaking the chain.
 */
const PREFIX = "sealed:v1:";

/** Subject keys by subject. */
export type SubjectKeys = Map<string, Buffer>;

/** The keyed pseudonym of a phone: stable for joining its rows, useless without the server secret. */
export function phonePseudonym(phone: string): string {
  const key = env().PSEUDONYM_KEY;
  if (!key) throw new Error("PSEUDONYM_KEY is not set");
  return createHmac("sha256", key).update(phone).digest("hex").slice(0, 32);
}

export const phoneSubject = (phone: string) => `phone:${phonePseudonym(phone)}`;
export const personSubject = (personId: string) => `person:${personId}`;

/** A value for an audit row's details that the writer seals under its subject's key. */
export class PersonalValue {
  constructor(
    readonly subject: string,
    readonly value: unknown,
  ) {}
}

export const personal = (subject: string, value: unknown) => new PersonalValue(subject, value);

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The subject a sealed text belongs to. */
export function sealedSubject(text: string): string | null {
  if (!isSealed(text)) return null;
  const end = text.lastIndexOf(":");
  return end > PREFIX.length ? text.slice(PREFIX.length, end) : null;
}

/** `sealed:v1:<subject>:<base64url(iv ‖ ciphertext ‖ tag)>`; the subject is authenticated too. */
export function seal(subject: string, key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(subject));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${PREFIX}${subject}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The value of a sealed text, or `erased` when its subject's key is gone (or does not fit). */
export function openSealed(text: string, keys: SubjectKeys): { value: unknown } | { erased: true } {
  const subject = sealedSubject(text);
  const key = subject ? keys.get(subject) : undefined;
  if (!subject || !key) return { erased: true };
  const raw = Buffer.from(text.slice(text.lastIndexOf(":") + 1), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(subject));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    return { value: JSON.parse(plain.toString("utf8")) };
  } catch {
    // A key created after an erasure does not open values sealed before it.
    return { erased: true };
  }
}

/** Audit details with their sealed values opened (or `{ erased: true }` where the key is gone). */
export function openDetails(value: unknown, keys: SubjectKeys): unknown {
  if (isSealed(value)) {
    const opened = openSealed(value, keys);
    return "erased" in opened ? opened : opened.value;
  }
  if (Array.isArray(value)) return value.map((v) => openDetails(v, keys));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openDetails(v, keys)]));
  return value;
}

/**
 * SQL that returns a subject's key, creating it when missing (the no-op update takes the row and
 * returns the existing key), for a CTE of a statement that does more.
 */
export function subjectKeyUpsert(subjectParam: string, keyParam: string, atParam: string): string {
  return `INSERT INTO personal_data_key (subject, key, "createdAt") VALUES (${subjectParam}, ${keyParam}, ${atParam}::timestamp(3))
       ON CONFLICT (subject) DO UPDATE SET subject = EXCLUDED.subject
       RETURNING key`;
}

/** A new AES-256 key, as stored (base64). */
export const freshKey = () => randomBytes(32).toString("base64");

const keyMap = (rows: { subject: string; key: string }[]): SubjectKeys =>
  new Map(rows.map((r) => [r.subject, Buffer.from(r.key, "base64")]));

/** The keys of the subjects (created when missing), for sealing, in one statement. */
export async function ensureSubjectKeys(sql: Sql, subjects: string[]): Promise<SubjectKeys> {
  const unique = [...new Set(subjects)].sort();
  if (!unique.length) return new Map();
  const rows = await sql.query<{ subject: string; key: string }>(
    `INSERT INTO personal_data_key (subject, key, "createdAt")
     SELECT s, k, $3::timestamp(3) FROM unnest($1::text[], $2::text[]) AS t(s, k)
     ON CONFLICT (subject) DO UPDATE SET subject = EXCLUDED.subject
     RETURNING subject, key`,
    [unique, unique.map(() => freshKey()), now()],
  );
  return keyMap(rows);
}

/** The keys that still exist, for reading; erased subjects are simply absent. */
export async function readSubjectKeys(sql: Sql, subjects: string[]): Promise<SubjectKeys> {
  const unique = [...new Set(subjects)];
  if (!unique.length) return new Map();
  const rows = await sql.query<{ subject: string; key: string }>(
    `SELECT subject, key FROM personal_data_key WHERE subject = ANY($1::text[])`,
    [unique],
  );
  return keyMap(rows);
}

/**
 * Erasure (AUD-6, PRV-5): deletes the subject's key, so every value sealed under it reads as
 * erased from now on while the audit rows and their chain stay intact. Returns whether a key
 * existed. Subjects: `phoneSubject(phone)`, `personSubject(personId)`.
 */
export async function erasePersonalDataKey(
  subject: string,
  db: Pick<Prisma.TransactionClient, "personalDataKey"> = getDb(),
): Promise<boolean> {
  return (await db.personalDataKey.deleteMany({ where: { subject } })).count > 0;
}
