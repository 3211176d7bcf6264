import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { phoneSubject } from "@/lib/audit/personal-data";
import { setClockForTests } from "@/lib/clock";
import { lastCode, meta, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { LIMITS } from "./limits";
import { requestLoginCode, verifyLoginCode } from "./login";
import { resolveSession } from "./session";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let offset = 0;
let restoreClock: () => void;

beforeAll(async () => {
  env = await startIntegrationDatabase();
  restoreClock = setClockForTests(() => new Date(Date.now() + offset));
});
afterAll(async () => {
  restoreClock();
  await env.close();
});
afterEach(() => {
  offset = 0;
});

/** Moves the app's clock forward; the rules read only this clock, so nothing sleeps. */
function travel(ms: number): void {
  offset += ms;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function auditCount(phone: string, action: string) {
  return env.prisma.auditEvent.count({ where: { chainKey: phoneSubject(phone), action } });
}

describe("the 3-tries / 15-minutes lock (AUTH-3)", () => {
  it("locks after exactly 3 wrong codes even when 50 arrive in parallel", async () => {
    const phone = uniquePhone();
    expect((await requestLoginCode(phone, meta(), "ru")).ok).toBe(true);
    const bad = wrong(await lastCode(phone));
    const results = await Promise.all(Array.from({ length: 50 }, () => verifyLoginCode(phone, bad, meta(), "API")));

    const invalid = results.filter((r) => !r.ok && r.error === "invalid_code");
    const locked = results.filter((r) => !r.ok && r.error === "locked");
    expect(invalid).toHaveLength(2);
    expect(locked).toHaveLength(48);
    expect(await auditCount(phone, "auth.code_wrong")).toBe(3);
    expect(await auditCount(phone, "auth.locked")).toBe(1);
    const guard = await env.prisma.phoneGuard.findUniqueOrThrow({ where: { phone } });
    expect(guard.failedCount).toBe(3);
    expect(guard.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(LIMITS.lockMs - 60_000);
  });

  it("tells attempts left, refuses the right code while locked, and accepts a new code after the lock lifts", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const code = await lastCode(phone);
    expect(await verifyLoginCode(phone, wrong(code), meta(), "API")).toEqual({
      ok: false,
      error: "invalid_code",
      attemptsLeft: 2,
    });
    expect(await verifyLoginCode(phone, wrong(code), meta(), "API")).toEqual({
      ok: false,
      error: "invalid_code",
      attemptsLeft: 1,
    });
    const third = await verifyLoginCode(phone, wrong(code), meta(), "API");
    expect(third).toMatchObject({ ok: false, error: "locked" });

    expect(await verifyLoginCode(phone, code, meta(), "API")).toMatchObject({ ok: false, error: "locked" });
    const outboxBefore = await env.prisma.smsMessage.count({ where: { to: phone } });
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: false, error: "locked" });
    expect(await env.prisma.smsMessage.count({ where: { to: phone } })).toBe(outboxBefore);

    travel(LIMITS.lockMs - 5_000);
    expect(await verifyLoginCode(phone, code, meta(), "API")).toMatchObject({ ok: false, error: "locked" });
    travel(10_000);
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: true });
    expect(await auditCount(phone, "auth.lock_lifted")).toBe(1);
    const fresh = await lastCode(phone);
    expect(await verifyLoginCode(phone, fresh, meta(), "API")).toMatchObject({ ok: true, registrationRequired: true });
  });

  it("does not reset the failure count when a new code is sent", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const first = await lastCode(phone);
    await verifyLoginCode(phone, wrong(first), meta(), "API");
    await verifyLoginCode(phone, wrong(first), meta(), "API");
    travel(LIMITS.resendAfterMs + 1_000);
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: true });
    const second = await lastCode(phone);
    expect(await verifyLoginCode(phone, wrong(second), meta(), "API")).toMatchObject({ ok: false, error: "locked" });
  });
});

describe("codes (AUTH-2)", () => {
  it("expires a code after 5 minutes", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const code = await lastCode(phone);
    travel(5 * 60_000 + 1_000);
    expect(await verifyLoginCode(phone, code, meta(), "API")).toEqual({ ok: false, error: "no_active_code" });
  });

  it("accepts a code once", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const code = await lastCode(phone);
    expect(await verifyLoginCode(phone, code, meta(), "API")).toMatchObject({ ok: true });
    expect(await verifyLoginCode(phone, code, meta(), "API")).toEqual({ ok: false, error: "no_active_code" });
  });

  it("lets only one of 10 parallel checks with the right code in", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const code = await lastCode(phone);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLoginCode(phone, code, meta(), "API")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "no_active_code")).toHaveLength(9);
    expect(await env.prisma.session.count({ where: { phone } })).toBe(1);
  });

  it("voids the previous code when a new one is sent", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const first = await lastCode(phone);
    travel(LIMITS.resendAfterMs + 1_000);
    await requestLoginCode(phone, meta(), "ru");
    const second = await lastCode(phone);
    if (first !== second)
      expect(await verifyLoginCode(phone, first, meta(), "API")).toMatchObject({ ok: false, error: "invalid_code" });
    expect(await verifyLoginCode(phone, second, meta(), "API")).toMatchObject({ ok: true });
  });

  it("stores only a keyed hash of the code", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const code = await lastCode(phone);
    const row = await env.prisma.otpCode.findFirstOrThrow({ where: { phone }, orderBy: { createdAt: "desc" } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code);
  });
});

describe("throttles (AUTH-4)", () => {
  it("allows a resend only after 60 s and says when", async () => {
    const phone = uniquePhone();
    expect(await requestLoginCode(phone, meta(), "ru")).toEqual({ ok: true, retryAfterSeconds: 60 });
    travel(20_000);
    const refused = await requestLoginCode(phone, meta(), "ru");
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(
      refused.ok === false && refused.error === "rate_limited" && refused.retryAfterSeconds,
    ).toBeGreaterThanOrEqual(39);
    travel(41_000);
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: true });
  });

  it("sends at most 5 codes per phone per hour", async () => {
    const phone = uniquePhone();
    for (let i = 0; i < 5; i++) {
      expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: true });
      travel(LIMITS.resendAfterMs + 1_000);
    }
    const sixth = await requestLoginCode(phone, meta(), "ru");
    expect(sixth).toMatchObject({ ok: false, error: "rate_limited" });
    if (sixth.ok || sixth.error !== "rate_limited") throw new Error("expected rate_limited");
    expect(sixth.retryAfterSeconds).toBeGreaterThan(3000);
    expect(await auditCount(phone, "auth.code_refused")).toBe(1);
  });

  it("limits code requests per IP address", async () => {
    const ip = "198.51.100.23";
    for (let i = 0; i < LIMITS.codesPerIpPerHour; i++) {
      expect(await requestLoginCode(uniquePhone(), meta(ip), "ru")).toMatchObject({ ok: true });
    }
    expect(await requestLoginCode(uniquePhone(), meta(ip), "ru")).toMatchObject({ ok: false, error: "rate_limited" });
    expect(await requestLoginCode(uniquePhone(), meta("198.51.100.24"), "ru")).toMatchObject({ ok: true });
  });
});

describe("no enumeration (AUTH-1)", () => {
  it("answers known and unknown numbers the same way", async () => {
    const known = "+77015550001";
    await env.prisma.person.upsert({ where: { phone: known }, update: {}, create: { phone: known, name: "Known" } });
    const unknown = uniquePhone();
    const a = await requestLoginCode(known, meta("192.0.2.1"), "ru");
    const b = await requestLoginCode(unknown, meta("192.0.2.2"), "ru");
    expect(a).toEqual(b);
    const wa = await verifyLoginCode(known, "000000" === (await lastCode(known)) ? "111111" : "000000", meta(), "API");
    const wb = await verifyLoginCode(
      unknown,
      "000000" === (await lastCode(unknown)) ? "111111" : "000000",
      meta(),
      "API",
    );
    expect(wa).toEqual(wb);
  });
});

describe("SMS gateway failure (AUTH-6)", () => {
  let hanging: Server;
  let failing: Server;
  beforeAll(async () => {
    // One gateway accepts connections and never answers; the other answers 500.
    hanging = createServer(() => undefined);
    failing = createServer((_req, res) => res.writeHead(500).end("down"));
    await Promise.all([hanging, failing].map((s) => new Promise<void>((r) => s.listen(0, "127.0.0.1", r))));
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await Promise.all([hanging, failing].map((s) => new Promise<void>((r) => s.close(() => r()))));
  });
  const port = (s: Server) => (s.address() as AddressInfo).port;

  async function withGateway<T>(server: Server, fn: () => Promise<T>): Promise<T> {
    process.env.SMS_PROVIDER = "mobizon";
    process.env.MOBIZON_API_KEY = "test-key";
    process.env.MOBIZON_API_URL = `http://127.0.0.1:${port(server)}`;
    process.env.SMS_TIMEOUT_MS = "300";
    try {
      return await fn();
    } finally {
      process.env.SMS_PROVIDER = "outbox";
      delete process.env.SMS_TIMEOUT_MS;
    }
  }

  it("tells the user, uses up no quota and keeps the previous code", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const first = await lastCode(phone);
    travel(LIMITS.resendAfterMs + 1_000);

    expect(await withGateway(failing, () => requestLoginCode(phone, meta(), "ru"))).toEqual({
      ok: false,
      error: "sms_failed",
    });
    expect(await auditCount(phone, "auth.code_send_failed")).toBe(1);
    const withdrawn = await env.prisma.otpCode.findFirstOrThrow({ where: { phone }, orderBy: { createdAt: "desc" } });
    expect(withdrawn.voidedAt).not.toBeNull();
    expect(withdrawn.sendFailedAt).not.toBeNull();
    // Not throttled by the failed try, and the first code still works.
    expect(await verifyLoginCode(phone, first, meta(), "API")).toMatchObject({ ok: true });
  });

  it("a hanging gateway times out; failed sends never count toward the resend pause, the hourly or the IP limit", async () => {
    const phone = uniquePhone();
    const ip = "198.51.100.77";
    for (let i = 0; i < LIMITS.codesPerPhonePerHour + 2; i++) {
      const started = Date.now();
      expect(await withGateway(hanging, () => requestLoginCode(phone, meta(ip), "ru"))).toEqual({
        ok: false,
        error: "sms_failed",
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    const bucket = await env.prisma.rateLimitBucket.findFirst({ where: { key: `otp-request:ip:${ip}` } });
    expect(bucket?.count ?? 0).toBe(0);
    // At once, with no pause: the gateway works again and the code arrives and works.
    expect(await requestLoginCode(phone, meta(ip), "ru")).toMatchObject({ ok: true });
    expect(await verifyLoginCode(phone, await lastCode(phone), meta(), "API")).toMatchObject({ ok: true });
  });

  it("holds no lock while the gateway hangs: the phone's next request is answered at once", async () => {
    const phone = uniquePhone();
    const slow = withGateway(hanging, async () => {
      process.env.SMS_TIMEOUT_MS = "1500";
      return requestLoginCode(phone, meta(), "ru");
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    // The check locks the same phone guard row: it answers without waiting for the hanging send.
    expect(await verifyLoginCode(phone, "000000", meta(), "API")).toMatchObject({ ok: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await slow).toEqual({ ok: false, error: "sms_failed" });
  });
});

describe("sessions (AUTH-5)", () => {
  it("ends a session after 60 idle minutes and 12 hours after login", async () => {
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    const verified = await verifyLoginCode(phone, await lastCode(phone), meta(), "API");
    if (!verified.ok) throw new Error("login failed");
    travel(59 * 60_000);
    expect(await resolveSession(verified.token)).not.toBeNull();
    travel(59 * 60_000);
    expect(await resolveSession(verified.token)).not.toBeNull();
    travel(61 * 60_000);
    expect(await resolveSession(verified.token)).toBeNull();

    const phone2 = uniquePhone();
    await requestLoginCode(phone2, meta(), "ru");
    const v2 = await verifyLoginCode(phone2, await lastCode(phone2), meta(), "API");
    if (!v2.ok) throw new Error("login failed");
    for (let i = 0; i < 12; i++) {
      travel(59 * 60_000);
      await resolveSession(v2.token);
    }
    expect(await resolveSession(v2.token)).not.toBeNull();
    travel(30 * 60_000);
    expect(await resolveSession(v2.token)).toBeNull();
  });
});
