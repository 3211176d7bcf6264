import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as requestRoute } from "@/app/api/v1/auth/otp/request/route";
import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import { requestLoginCode, verifyLoginCode } from "@/lib/auth/login";
import { CLIENT_IP_HEADER } from "@/lib/auth/request-meta";
import { resolveSession } from "@/lib/auth/session";
import { now, setClockForTests } from "@/lib/clock";
import { detectSuspiciousJob } from "@/lib/jobs/handlers/detect-suspicious";
import { contextFor, lastCode, login, meta, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { blockPerson } from "./actions/block-person";
import { reviewFinding } from "./actions/review-finding";
import { unblockPerson } from "./actions/unblock-person";
import { securityOverviewLoader } from "./security-queries";
import { detectSuspiciousActivity } from "./suspicious";
import { SUSPICIOUS_RULES } from "./suspicious-rules";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

// Each test runs on its own clock, a day apart from the others, so their windows never meet.
let day = 0;
let offset = 0;
let restoreClock: (() => void) | null = null;
function startClock() {
  day += 2;
  offset = 0;
  const base = Date.now() + day * 86_400_000;
  restoreClock = setClockForTests(() => new Date(base + offset));
}
const advance = (ms: number) => {
  offset += ms;
};
afterEach(() => restoreClock?.());

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Audit rows as their writers make them, at the clock's current time. */
async function audit(entries: AuditEntry | AuditEntry[]) {
  await env.prisma.$transaction((tx) => writeAudit(tx, entries));
}

async function person(name = "Тест Тестов") {
  const phone = uniquePhone();
  const row = await env.prisma.person.create({ data: { phone, name, adultConfirmedAt: new Date() } });
  return { phone, personId: row.id };
}

async function operator(role: "ADMIN" | "SUPPORT") {
  const p = await person(`Оператор ${role}`);
  await env.prisma.operator.create({ data: { personId: p.personId, role } });
  return { ...p, token: await login(p.phone) };
}

const detect = () => detectSuspiciousActivity(env.prisma, now());
const openFindings = (rule: string, subjectKey?: string) =>
  env.prisma.suspiciousActivity.findMany({
    where: { rule, subjectKey, status: "OPEN" },
    orderBy: { createdAt: "asc" },
  });

const login_ = (personId: string, ip: string): AuditEntry => ({
  action: "auth.login",
  outcome: "SUCCESS",
  actorPersonId: personId,
  targetType: "session",
  targetId: randomUUID(),
  ip,
});
const download = (personId: string, partnerId: string, i: number): AuditEntry => ({
  action: i % 2 ? "document.viewed" : "document.downloaded",
  outcome: "SUCCESS",
  partnerId,
  actorPersonId: personId,
  targetType: "document",
  targetId: randomUUID(),
  ip: "203.0.113.7",
});
const codeRequest = (ip: string, i: number): AuditEntry => ({
  action: i % 3 ? "auth.code_sent" : "auth.code_refused",
  outcome: i % 3 ? "SUCCESS" : "DENIED",
  actorPhone: uniquePhone(),
  targetType: "phone",
  ip,
});

describe("the thresholds", () => {
  it("are the ones docs/audit.md states", () => {
    expect(
      Object.fromEntries(Object.entries(SUSPICIOUS_RULES).map(([r, d]) => [r, [d.threshold, d.windowMs / MIN]])),
    ).toEqual({
      repeated_locks: [3, 24 * 60],
      many_ips: [4, 60],
      mass_downloads: [30, 10],
      code_requests_ip: [20, 60],
    });
  });
});

describe("repeated locks of one number", () => {
  /** Three wrong codes through the real login path: the number is locked for 15 minutes. */
  async function lockOnce(phone: string) {
    advance(16 * MIN); // past the previous lock and the resend pause
    expect((await requestLoginCode(phone, meta(), "ru")).ok).toBe(true);
    const right = await lastCode(phone);
    const wrong = right === "000000" ? "111111" : "000000";
    let last;
    for (let i = 0; i < 3; i++) last = await verifyLoginCode(phone, wrong, meta(), "API");
    expect(last).toMatchObject({ ok: false, error: "locked" });
  }

  it("fires on the third lock within 24 hours and names the registered person behind the number", async () => {
    startClock();
    const suspect = await person("Асан Подбиралов");
    await lockOnce(suspect.phone);
    await lockOnce(suspect.phone);
    expect(await detect()).toEqual([]);
    await lockOnce(suspect.phone);
    const found = await detect();
    expect(found).toMatchObject([
      { rule: "repeated_locks", subjectType: "phone", personId: suspect.personId, count: 3 },
    ]);
    // The number itself is never stored: the finding keeps its pseudonym.
    expect(JSON.stringify(await openFindings("repeated_locks"))).not.toContain(suspect.phone.slice(1));
  });

  it("stays quiet for two locks a day, locks days apart, and locks of different numbers", async () => {
    startClock();
    const twice = uniquePhone();
    const spread = uniquePhone();
    const others = [uniquePhone(), uniquePhone(), uniquePhone()];
    const locked = (phone: string): AuditEntry => ({
      action: "auth.locked",
      outcome: "SUCCESS",
      actorPhone: phone,
      targetType: "phone",
      targetId: phone,
    });
    await audit(locked(twice));
    await audit(locked(twice));
    for (const phone of others) await audit(locked(phone));
    for (let i = 0; i < 3; i++) {
      await audit(locked(spread));
      advance(25 * HOUR);
      expect(await detect()).toEqual([]);
    }
  });
});

describe("one person from many addresses", () => {
  it("fires on a fourth address within an hour, and stays quiet on normal use", async () => {
    startClock();
    const traveller = await person();
    const steady = await person();
    const commuter = await person();
    // Normal: a new address every 70 minutes; three addresses in an hour; one address all along.
    for (let i = 0; i < 5; i++) {
      await audit(login_(commuter.personId, `198.51.100.${100 + i}`));
      advance(70 * MIN);
    }
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) await audit(login_(traveller.personId, ip));
    for (let i = 0; i < 6; i++) await audit(login_(steady.personId, "198.51.100.50"));
    // Different people, each from an address of their own, at the same time.
    for (let i = 0; i < 5; i++) await audit(login_((await person()).personId, `198.51.100.${200 + i}`));
    expect(await detect()).toEqual([]);

    advance(10 * MIN);
    await audit(login_(traveller.personId, "198.51.100.4"));
    await audit(login_(traveller.personId, "198.51.100.4"));
    expect(await detect()).toMatchObject([
      { rule: "many_ips", subjectType: "person", subjectKey: traveller.personId, personId: traveller.personId },
    ]);
  });
});

describe("mass downloads", () => {
  it("fires on 30 views and downloads in 10 minutes, not on 29 or on 30 spread over half an hour", async () => {
    startClock();
    const partnerId = randomUUID();
    const reader = await person();
    const slow = await person();
    const bulk = await person();
    for (let i = 0; i < 29; i++) await audit(download(reader.personId, partnerId, i));
    for (let i = 0; i < 30; i++) {
      await audit(download(slow.personId, partnerId, i));
      advance(MIN);
    }
    // Thirty people opening one document each.
    for (let i = 0; i < 30; i++) await audit(download((await person()).personId, partnerId, i));
    expect(await detect()).toEqual([]);

    await audit(Array.from({ length: 30 }, (_, i) => download(bulk.personId, partnerId, i)));
    expect(await detect()).toMatchObject([{ rule: "mass_downloads", personId: bulk.personId, count: 30 }]);
  });
});

describe("many code requests from one address", () => {
  it("fires on 20 code requests from one address within an hour, made through the real login path", async () => {
    startClock();
    const ip = "192.0.2.77";
    for (let i = 0; i < 19; i++) expect((await requestLoginCode(uniquePhone(), meta(ip), "ru")).ok).toBe(true);
    // The periodic job (every 5 minutes) finds nothing at 19, then the 20th request.
    await detectSuspiciousJob();
    expect(await openFindings("code_requests_ip", ip)).toEqual([]);
    expect((await requestLoginCode(uniquePhone(), meta(ip), "ru")).ok).toBe(true);
    await detectSuspiciousJob();
    expect(await openFindings("code_requests_ip", ip)).toMatchObject([{ count: 20 }]);
    expect(await detect()).toMatchObject([
      { rule: "code_requests_ip", subjectType: "ip", subjectKey: ip, personId: null, count: 20 },
    ]);
  });

  it("stays quiet on 19 in an hour, 20 over three hours, and 20 from 20 addresses", async () => {
    startClock();
    for (let i = 0; i < 19; i++) await audit(codeRequest("192.0.2.10", i));
    for (let i = 0; i < 20; i++) await audit(codeRequest(`192.0.2.${100 + i}`, i));
    for (let i = 0; i < 20; i++) {
      await audit(codeRequest("192.0.2.11", i));
      advance(9 * MIN);
    }
    expect(await detect()).toEqual([]);
  });
});

describe("findings", () => {
  it("are kept once per rule and subject while open, widen with new activity, and return after review only for new activity", async () => {
    startClock();
    const admin = await operator("ADMIN");
    const ip = "192.0.2.200";
    for (let i = 0; i < 20; i++) await audit(codeRequest(ip, i));
    await detect();
    await detect();
    const [first, ...rest] = await openFindings("code_requests_ip", ip);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ subjectKey: ip, count: 20 });

    advance(MIN);
    for (let i = 0; i < 5; i++) await audit(codeRequest(ip, i));
    await detect();
    const widened = await openFindings("code_requests_ip", ip);
    expect(widened).toHaveLength(1);
    expect(widened[0]!.count).toBe(25);
    expect(widened[0]!.lastSeenAt.getTime()).toBeGreaterThan(first!.lastSeenAt.getTime());

    const reviewed = await reviewFinding.run({ findingId: first!.id }, await contextFor(admin.token));
    expect(reviewed).toMatchObject({ ok: true });
    expect(await reviewFinding.run({ findingId: first!.id }, await contextFor(admin.token))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    // The reviewed events are not raised again; a new burst is a new finding.
    advance(5 * MIN);
    expect(await detect()).toEqual([]);
    advance(2 * HOUR);
    for (let i = 0; i < 20; i++) await audit(codeRequest(ip, i));
    expect(await detect()).toHaveLength(1);
    const open = await openFindings("code_requests_ip", ip);
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(first!.id);
  });
});

describe("blocking a person pending review", () => {
  it("refuses their logins without sending a code, ends their sessions, and unblocking lets them in again", async () => {
    const admin = await operator("ADMIN");
    const suspect = await person("Болат Скачивающий");
    const bystander = await person();
    const token = await login(suspect.phone);
    const otherToken = await login(bystander.phone);
    expect(await resolveSession(token)).not.toBeNull();

    const finding = await env.prisma.suspiciousActivity.create({
      data: {
        rule: "mass_downloads",
        subjectType: "person",
        subjectKey: suspect.personId,
        personId: suspect.personId,
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
        count: 40,
        openKey: `mass_downloads:${suspect.personId}`,
        createdAt: new Date(),
      },
    });
    // A code asked for just before the block: it must not open a session afterwards.
    await env.prisma
      .$executeRaw`UPDATE otp_code SET "createdAt" = "createdAt" - interval '2 minutes' WHERE phone = ${suspect.phone}`;
    expect((await requestLoginCode(suspect.phone, meta(), "ru")).ok).toBe(true);
    const earlyCode = await lastCode(suspect.phone);

    const blocked = await blockPerson.run(
      { personId: suspect.personId, findingId: finding.id, reason: "Скачал 40 документов за 5 минут" },
      await contextFor(admin.token),
    );
    expect(blocked).toMatchObject({ ok: true, data: { sessionsEnded: 1 } });
    expect(await resolveSession(token)).toBeNull();
    expect(await resolveSession(otherToken)).not.toBeNull();
    expect(
      await blockPerson.run({ personId: suspect.personId, reason: "ещё раз" }, await contextFor(admin.token)),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });

    // The code step refuses, and no SMS goes out.
    const smsBefore = await env.prisma.smsMessage.count({ where: { to: suspect.phone } });
    expect(await requestLoginCode(suspect.phone, meta(), "ru")).toEqual({ ok: false, error: "blocked" });
    expect(await verifyLoginCode(suspect.phone, earlyCode, meta(), "API")).toEqual({ ok: false, error: "blocked" });
    expect(await env.prisma.smsMessage.count({ where: { to: suspect.phone } })).toBe(smsBefore);
    const refusal = await env.prisma.auditEvent.findFirst({
      where: { action: "auth.code_refused", details: { path: ["reason"], equals: "blocked" } },
    });
    expect(refusal).not.toBeNull();

    // The API says so in the caller's language.
    const api = async (lang: string) => {
      const response = await requestRoute(
        new Request("http://localhost/api", {
          method: "POST",
          headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: "192.0.2.9", "accept-language": lang },
          body: JSON.stringify({ phone: suspect.phone }),
        }),
      );
      return { status: response.status, body: (await response.json()) as { error: string; message: string } };
    };
    expect(await api("ru")).toMatchObject({
      status: 403,
      body: { error: "blocked", message: expect.stringMatching(/приостановлен/) },
    });
    expect((await api("kk")).body.message).toMatch(/тоқтатылды/);
    expect((await api("en")).body.message).toMatch(/suspended/);

    // The page lists the block, with who made it and why; the finding stays open for the review.
    const page = await securityOverviewLoader.run({}, { session: await resolveSession(admin.token), meta: meta() });
    expect(page.ok && page.data.blocks).toMatchObject([
      {
        person: { id: suspect.personId },
        blockedBy: { id: admin.personId },
        reason: "Скачал 40 документов за 5 минут",
      },
    ]);
    expect(page.ok && page.data.findings.find((f) => f.id === finding.id)?.person).toMatchObject({ blocked: true });

    // Audited, the reason sealed under the person's key.
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { action: "security.person_blocked", targetId: suspect.personId },
    });
    expect(row).toMatchObject({ actorPersonId: admin.personId, outcome: "SUCCESS" });
    expect(JSON.stringify(row.details)).not.toContain("Скачал");

    const lifted = await unblockPerson.run({ personId: suspect.personId }, await contextFor(admin.token));
    expect(lifted).toMatchObject({ ok: true });
    expect(
      await env.prisma.auditEvent.count({ where: { action: "security.person_unblocked", targetId: suspect.personId } }),
    ).toBe(1);
    expect(await resolveSession(token)).toBeNull(); // ended sessions stay ended
    await env.prisma
      .$executeRaw`UPDATE otp_code SET "createdAt" = "createdAt" - interval '2 minutes' WHERE phone = ${suspect.phone}`;
    expect(await resolveSession(await login(suspect.phone))).not.toBeNull();
    expect(await unblockPerson.run({ personId: suspect.personId }, await contextFor(admin.token))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("refuses any session of a blocked person, also one that escaped the revocation", async () => {
    const admin = await operator("ADMIN");
    const p = await person();
    const token = await login(p.phone);
    // As if the session had been created in a race with the block: the row alone decides.
    await env.prisma.personBlock.create({
      data: { personId: p.personId, reason: "Проверка", blockedById: admin.personId, createdAt: new Date() },
    });
    expect(await resolveSession(token)).toBeNull();
    await env.prisma.personBlock.delete({ where: { personId: p.personId } });
    expect(await resolveSession(token)).not.toBeNull();
  });

  it("is not for support operators, who only read, nor for blocking oneself", async () => {
    const admin = await operator("ADMIN");
    const support = await operator("SUPPORT");
    const p = await person();
    const token = await login(p.phone);
    const refused = { ok: false, error: { code: "not_found" } };
    expect(await blockPerson.run({ personId: p.personId, reason: "x" }, await contextFor(support.token))).toMatchObject(
      refused,
    );
    expect(await resolveSession(token)).not.toBeNull();
    expect(await env.prisma.personBlock.count({ where: { personId: p.personId } })).toBe(0);
    expect(
      await env.prisma.auditEvent.count({
        where: { action: "security.person_blocked", outcome: "DENIED", actorPersonId: support.personId },
      }),
    ).toBe(1);

    await env.prisma.personBlock.create({
      data: { personId: p.personId, reason: "Проверка", blockedById: admin.personId, createdAt: new Date() },
    });
    expect(await unblockPerson.run({ personId: p.personId }, await contextFor(support.token))).toMatchObject(refused);
    expect(await env.prisma.personBlock.count({ where: { personId: p.personId } })).toBe(1);
    const finding = await env.prisma.suspiciousActivity.create({
      data: {
        rule: "many_ips",
        subjectType: "person",
        subjectKey: p.personId,
        personId: p.personId,
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
        count: 5,
        openKey: `many_ips:${p.personId}`,
        createdAt: new Date(),
      },
    });
    expect(await reviewFinding.run({ findingId: finding.id }, await contextFor(support.token))).toMatchObject(refused);
    // Support reads the page all the same.
    const page = await securityOverviewLoader.run({}, { session: await resolveSession(support.token), meta: meta() });
    expect(page.ok && page.data.findings.map((f) => f.id)).toContain(finding.id);

    expect(
      await blockPerson.run({ personId: admin.personId, reason: "x" }, await contextFor(admin.token)),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
