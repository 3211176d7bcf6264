import { z } from "zod";

/** Environment of the running app. Validated once, at start (scripts/start.ts) and on first use. */
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  OTP_HASH_KEY: z.string().min(32, "OTP_HASH_KEY must be at least 32 characters"),
  SMS_PROVIDER: z.enum(["log", "outbox", "mobizon"]).default("log"),
  SMS_OUTBOX_HTTP: z.enum(["0", "1"]).default("0"),
  /** The public address of the app, used in texts sent by SMS (invitations). */
  APP_URL: z.string().url("APP_URL must be an http(s) URL").optional(),
  /** Contacts shown in the public footer. */
  SUPPORT_PHONE: z.string().default("+7 727 250 00 00"),
  SUPPORT_EMAIL: z.string().email("SUPPORT_EMAIL must be an e-mail address").default("support@partner-cabinet.kz"),
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

/** Secrets the app cannot run without; listed so start-up can generate or demand them. */
export const REQUIRED_SECRETS = ["NEXTAUTH_SECRET", "OTP_HASH_KEY"] as const;

export function parseEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
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
