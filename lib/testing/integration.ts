import { randomBytes } from "node:crypto";
import pg from "pg";
import type { ActionContext } from "@/lib/actions/define-action";
import { requestLoginCode, verifyLoginCode } from "@/lib/auth/login";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { resolveSession } from "@/lib/auth/session";
import { closeDb, getDb } from "@/lib/db/client";
import { asLoginUser, urlUser } from "@/lib/db/roles";
import { seedLegalDocuments } from "@/lib/db/seed";
import { createTestDatabase } from "@/lib/db/testing";
import { generateSecret, resetEnvCache } from "@/lib/env";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";

/**
 * One migrated database for a test file, wired into the app exactly as in production
 * (DATABASE_URL as the app's role, the pg driver, the outbox SMS provider). Nothing of auth or
 * audit is mocked. `asOwner` runs SQL as the tables' owner, for what the app must not be able to do.
 */
export async function startIntegrationDatabase() {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.appUrl;
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
  process.env.OTP_HASH_KEY = randomBytes(32).toString("hex");
  process.env.PSEUDONYM_KEY = generateSecret("PSEUDONYM_KEY");
  process.env.AUDIT_SIGNING_KEY = generateSecret("AUDIT_SIGNING_KEY");
  process.env.SMS_PROVIDER = "outbox";
  // Like `npm start`: one connection on the embedded database, a real pool on a server.
  const embedded = !process.env.TEST_DATABASE_URL;
  process.env.DB_POOL_SIZE = embedded ? "1" : "10";
  process.env.DB_EMBEDDED = embedded ? "1" : "0";
  resetEnvCache();
  const prisma = getDb();
  await seedLegalDocuments(prisma);
  return {
    prisma,
    ownerUrl: db.url,
    asOwner: <T>(fn: (client: pg.Client) => Promise<T>) => asOwner(db.url, fn),
    async close() {
      await closeDb();
      await db.stop();
    },
  };
}

async function asOwner<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await asLoginUser(client, urlUser(url), () => fn(client));
  } finally {
    await client.end();
  }
}

let phoneCounter = 0;
/** A fresh valid Kazakh mobile number for each call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const n = (Date.now() % 1_000_000) * 10 + phoneCounter;
  return `+7701${String(n % 10_000_000).padStart(7, "0")}`;
}

/** Request metadata; each call gets its own address unless one is given, so per-IP limits stay out of the way. */
export function meta(ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`): RequestMeta {
  return { ip, userAgent: "integration-test", requestId: randomBytes(8).toString("hex") };
}

/** The newest code the outbox provider stored for a phone. */
export async function lastCode(phone: string): Promise<string> {
  const sms = await getDb().smsMessage.findFirst({ where: { to: phone }, orderBy: { createdAt: "desc" } });
  const code = sms?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** Logs a phone in through the real code flow; returns the session token. */
export async function login(phone: string, ip?: string): Promise<string> {
  const requested = await requestLoginCode(phone, meta(ip), "ru");
  if (!requested.ok) throw new Error(`code request refused: ${JSON.stringify(requested)}`);
  const verified = await verifyLoginCode(phone, await lastCode(phone), meta(ip), "API");
  if (!verified.ok) throw new Error(`login refused: ${JSON.stringify(verified)}`);
  return verified.token;
}

/** The action context of a logged-in token, as an API request would build it. */
export async function contextFor(token: string | null, locale = "ru"): Promise<ActionContext> {
  return { session: token ? await resolveSession(token) : null, meta: meta(), locale };
}

/** A Partner with a primary user, made through real registration. */
export async function registerPartner(overrides: Partial<Record<string, string>> = {}) {
  const { registerPartner: action } = await import("@/lib/registration/actions/register-partner");
  const phone = uniquePhone();
  const token = await login(phone);
  const result = await action.run(
    {
      name: "Тест Тестов",
      email: "test@example.kz",
      partnerType: "LEGAL_ENTITY",
      partnerName: "ТОО «Тест»",
      taxId: randomKzTaxId(),
      accept: true,
      adult: true,
      ...overrides,
    },
    await contextFor(token),
  );
  if (!result.ok) throw new Error(`registration failed: ${JSON.stringify(result.error)}`);
  return { phone, token, personId: result.data.personId, partnerId: result.data.partnerId };
}

/** Adds a member to a Partner directly (invitations arrive with the users module). */
export async function addMember(partnerId: string, role: "FULL" | "RESTRICTED", rights: Record<string, string> = {}) {
  const phone = uniquePhone();
  const person = await getDb().person.create({
    data: { phone, name: `Сотрудник ${role}`, adultConfirmedAt: new Date() },
  });
  await getDb().membership.create({ data: { partnerId, personId: person.id, role, rights } });
  return { phone, personId: person.id, token: await login(phone) };
}
