import { describe, expect, it } from "vitest";
import { dbLimits, parseEnv } from "./env";

const secrets = { NEXTAUTH_SECRET: "s".repeat(32), OTP_HASH_KEY: "k".repeat(32) };

describe("TRUSTED_PROXIES", () => {
  it("defaults to no trusted proxy and reads CIDR ranges and single addresses", () => {
    expect(parseEnv(secrets).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...secrets, TRUSTED_PROXIES: " 10.0.0.0/8 , ::1" }).TRUSTED_PROXIES).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
    ]);
  });

  it("stops the start naming what it cannot read", () => {
    expect(() => parseEnv({ ...secrets, TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" })).toThrow(
      /TRUSTED_PROXIES.*proxy\.local/,
    );
  });
});

describe("database limits", () => {
  it("has bounded defaults", () => {
    expect(dbLimits({})).toEqual({
      DB_CONNECT_TIMEOUT_MS: 10_000,
      DB_STATEMENT_TIMEOUT_MS: 15_000,
      DB_IDLE_TX_TIMEOUT_MS: 30_000,
    });
  });

  it("reads overrides and refuses zero, negatives and words with the variable's name", () => {
    expect(dbLimits({ DB_STATEMENT_TIMEOUT_MS: "2500" }).DB_STATEMENT_TIMEOUT_MS).toBe(2500);
    expect(() => dbLimits({ DB_STATEMENT_TIMEOUT_MS: "0" })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => dbLimits({ DB_IDLE_TX_TIMEOUT_MS: "-5" })).toThrow(/DB_IDLE_TX_TIMEOUT_MS/);
    expect(() => dbLimits({ DB_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });
});

describe("parseEnv", () => {
  it("defaults SMS_TIMEOUT_MS to 5 s and runs workers in the app", () => {
    const env = parseEnv(secrets);
    expect(env.SMS_TIMEOUT_MS).toBe(5_000);
    expect(env.WORKERS).toBe("1");
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("refuses a bad SMTP_URL, SMS_TIMEOUT_MS or WORKERS", () => {
    expect(() => parseEnv({ ...secrets, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ ...secrets, SMS_TIMEOUT_MS: "0" })).toThrow(/SMS_TIMEOUT_MS/);
    expect(() => parseEnv({ ...secrets, WORKERS: "yes" })).toThrow(/WORKERS/);
    expect(parseEnv({ ...secrets, SMTP_URL: "smtps://u:p@mail.example.kz:465" }).SMTP_URL).toContain("smtps://");
  });
});
