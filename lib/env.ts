import { generateKeyPairSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { parseCidrList } from "@/lib/net/client-address";

const millis = (name: string, fallback: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(1, `${name} must be positive`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback);

/**
 * Limits of every database connection: how long to wait for one, how long one statement may run,
 * how long a transaction may sit idle (a crashed request must not hold locks). 0 is not allowed:
 * an unlimited wait is what exhausts a pool.
 */
const dbLimitsSchema = z.object({
  DB_CONNECT_TIMEOUT_MS: millis("DB_CONNECT_TIMEOUT_MS", 10_000, 600_000),
  DB_STATEMENT_TIMEOUT_MS: millis("DB_STATEMENT_TIMEOUT_MS", 15_000, 3_600_000),
  DB_IDLE_TX_TIMEOUT_MS: millis("DB_IDLE_TX_TIMEOUT_MS", 30_000, 3_600_000),
});

export type DbLimits = z.infer<typeof dbLimitsSchema>;

/** The database limits alone (pools are built by scripts too, which lack the app's secrets). */
export function dbLimits(source: Record<string, string | undefined> = process.env): DbLimits {
  const blank = (v: string | undefined) => (v?.trim() ? v : undefined);
  const result = dbLimitsSchema.safeParse({
    DB_CONNECT_TIMEOUT_MS: blank(source.DB_CONNECT_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: blank(source.DB_STATEMENT_TIMEOUT_MS),
    DB_IDLE_TX_TIMEOUT_MS: blank(source.DB_IDLE_TX_TIMEOUT_MS),
  });
  if (!result.success)
    throw new Error(`Invalid environment:\n${result.error.issues.map((i) => `  ${i.message}`).join("\n")}`);
  return result.data;
}

/** Environment of the running app. Validated once, at start (scripts/start.ts) and on first use. */
const envSchema = dbLimitsSchema.extend({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL").optional(),
  /** The tables' owner, for migrations only (default DATABASE_URL); never passed to the app server. */
  MIGRATION_DATABASE_URL: z.string().url("MIGRATION_DATABASE_URL must be a postgresql:// URL").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  OTP_HASH_KEY: z.string().min(32, "OTP_HASH_KEY must be at least 32 characters"),
  /** Keys the pseudonyms of phone numbers in audit rows (HMAC-SHA256). Required by `npm start`. */
  PSEUDONYM_KEY: z.string().min(32, "PSEUDONYM_KEY must be at least 32 characters").optional(),
  /** Ed25519 private key (PEM or base64 PKCS8) signing audit checkpoints. Required by `npm start`. */
  AUDIT_SIGNING_KEY: z
    .string()
    .min(40, "AUDIT_SIGNING_KEY must be an Ed25519 private key (PEM or base64 PKCS8)")
    .optional(),
  /** Ed25519 public key (PEM or base64 SPKI) for a verifier that must not hold the signing key. */
  AUDIT_VERIFY_KEY: z.string().optional(),
  SMS_PROVIDER: z.enum(["log", "outbox", "mobizon"]).default("log"),
  SMS_OUTBOX_HTTP: z.enum(["0", "1"]).default("0"),
  /** Lets a production build serve the outbox over HTTP too; only the end-to-end tests set it. */
  SMS_OUTBOX_HTTP_IN_PRODUCTION: z.enum(["0", "1"]).default("0"),
  /** How long an SMS gateway may take to answer; a login code waits for it. */
  SMS_TIMEOUT_MS: millis("SMS_TIMEOUT_MS", 5_000, 60_000),
  /** smtp:// or smtps:// with credentials; without it e-mails are printed to the server log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  /** 0 runs no job workers in the web process (run `npm run worker` instead). */
  WORKERS: z.enum(["0", "1"]).default("1"),
  /** The public address of the app, used in texts sent by SMS (invitations). */
  APP_URL: z.string().url("APP_URL must be an http(s) URL").optional(),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated CIDR ranges or addresses);
   * none by default, so the client address is the socket's peer.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const parsed = parseCidrList(value);
      if (parsed.ok) return parsed.ranges;
      ctx.addIssue({
        code: "custom",
        message: `TRUSTED_PROXIES must list CIDR ranges or addresses (not understood: ${parsed.invalid.join(", ")})`,
      });
      return z.NEVER;
    }),
  /** Contacts shown in the public footer. */
  SUPPORT_PHONE: z.string().default("+7 727 250 00 00"),
  SUPPORT_EMAIL: z.string().email("SUPPORT_EMAIL must be an e-mail address").default("support@partner-cabinet.kz"),
  /** Largest file accepted by an upload, in MB (DOC-2). */
  UPLOAD_MAX_MB: z.coerce
    .number({ error: "UPLOAD_MAX_MB must be a number of megabytes" })
    .int("UPLOAD_MAX_MB must be a whole number of megabytes")
    .min(1, "UPLOAD_MAX_MB must be at least 1")
    .max(10_240, "UPLOAD_MAX_MB must be at most 10240")
    .default(25),
  /** Where document files are kept (DOC-6): a folder on local disk (default) or S3-compatible storage. */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  /** The folder of the local driver; default `<data folder>/files`. */
  STORAGE_DIR: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  /** e.g. https://s3.kz-ast.example.com; omit for AWS itself. */
  S3_ENDPOINT: z.string().url("S3_ENDPOINT must be an http(s) URL").optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** 1 addresses the bucket in the path (most S3-compatible servers), 0 as a host name. */
  S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("1"),
  /** clamd to scan uploads with, as tcp://host:port (e.g. tcp://127.0.0.1:3310); no scanning without it. */
  CLAMAV_URL: z
    .string()
    .regex(/^tcp:\/\/[^:/]+:\d+$/, "CLAMAV_URL must look like tcp://127.0.0.1:3310")
    .optional(),
  PHONE_ALLOWED_COUNTRIES: z
    .string()
    .default("KZ")
    .transform((value) =>
      value
        .split(",")
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
});

export type AppEnv = z.infer<typeof envSchema>;

/** The settings of S3 storage are required together. */
function checkStorage(value: AppEnv): string[] {
  if (value.STORAGE_DRIVER !== "s3") return [];
  return (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const)
    .filter((name) => !value[name])
    .map((name) => `  ${name}: required when STORAGE_DRIVER=s3`);
}

/** Secrets the app cannot run without; listed so start-up can generate or demand them. */
export const REQUIRED_SECRETS = ["NEXTAUTH_SECRET", "OTP_HASH_KEY", "PSEUDONYM_KEY", "AUDIT_SIGNING_KEY"] as const;

/** A fresh value for a missing secret (embedded mode): random bytes, or an Ed25519 key for signing. */
export function generateSecret(name: (typeof REQUIRED_SECRETS)[number]): string {
  if (name === "AUDIT_SIGNING_KEY")
    return generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  return randomBytes(32).toString("base64url");
}

export function parseEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const storage = checkStorage(result.data);
  if (storage.length > 0) throw new Error(`Invalid environment:\n${storage.join("\n")}`);
  return result.data;
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  cached ??= parseEnv();
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
