import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maintenanceGate, type GateRequest } from "@/lib/auth/maintenance-gate";
import { setClockForTests } from "@/lib/clock";
import {
  contextFor,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { cancelMaintenance } from "./actions/cancel-maintenance";
import { scheduleMaintenance } from "./actions/schedule-maintenance";
import { forgetOpenWindows, openWindows } from "./current";
import { almatyLocalInput } from "./format";
import { maintenanceNoticeLoader, maintenanceWindowsLoader } from "./queries";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let admin: { personId: string; token: string };
let support: { personId: string; token: string };
let member: { token: string };
beforeAll(async () => {
  process.env.MAINTENANCE_CACHE_MS = "0";
  env = await startIntegrationDatabase();
  const operator = async (role: "ADMIN" | "SUPPORT") => {
    const phone = uniquePhone();
    const p = await env.prisma.person.create({
      data: { phone, name: `Оператор ${role}`, adultConfirmedAt: new Date() },
    });
    await env.prisma.operator.create({ data: { personId: p.id, role } });
    return { personId: p.id, token: await login(phone) };
  };
  admin = await operator("ADMIN");
  support = await operator("SUPPORT");
  member = await registerPartner();
});
afterAll(async () => {
  delete process.env.MAINTENANCE_CACHE_MS;
  await env.close();
});
beforeEach(async () => {
  // Each test plans its own windows; earlier ones are cancelled directly so they do not overlap.
  await env.prisma.maintenanceWindow.updateMany({
    where: { cancelledAt: null },
    data: { cancelledAt: new Date(), cancelledById: admin.personId },
  });
});

const minute = 60_000;
/** A window as the form sends it: announce now, start in `inMin` minutes, last `forMin`. */
function plan(inMin: number, forMin: number, messages: Record<string, string> = { messageRu: "Обновление базы" }) {
  const base = Math.ceil(Date.now() / minute) * minute;
  return {
    announceFrom: almatyLocalInput(new Date(base - minute)),
    startsAt: almatyLocalInput(new Date(base + inMin * minute)),
    endsAt: almatyLocalInput(new Date(base + (inMin + forMin) * minute)),
    ...messages,
  };
}

function request(pathname: string, auth: { bearer?: string; cookie?: string } = {}, locale = "ru"): GateRequest {
  return {
    pathname,
    cookie: (name) => (name === "next-auth.session-token" ? auth.cookie : name === "locale" ? locale : undefined),
    header: (name) => (name === "authorization" && auth.bearer ? `Bearer ${auth.bearer}` : null),
  };
}

/** Runs `fn` with the app's clock moved forward. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const restore = setClockForTests(() => new Date(Date.now() + ms));
  try {
    return await fn();
  } finally {
    restore();
  }
}

describe("planning and cancelling maintenance", () => {
  it("an admin plans a window, audited; it is listed as upcoming and announced on every page", async () => {
    const result = await scheduleMaintenance.run(plan(120, 60), await contextFor(admin.token));
    expect(result.ok).toBe(true);
    const windowId = result.ok ? result.data.windowId : "";
    const audit = await env.prisma.auditEvent.findFirstOrThrow({
      where: { action: "maintenance.scheduled", targetId: windowId },
    });
    expect([audit.outcome, audit.actorPersonId, audit.partnerId]).toEqual(["SUCCESS", admin.personId, null]);
    const list = await maintenanceWindowsLoader.run({}, { session: (await contextFor(support.token)).session });
    expect(list.ok && list.data.upcoming.map((w) => w.id)).toEqual([windowId]);
    const notice = await maintenanceNoticeLoader.run({}, { session: null });
    expect(notice.ok && notice.data).toMatchObject({ phase: "announced", window: { id: windowId } });
  });

  it("support may view but not plan or cancel; the refusals are audited and nothing changes", async () => {
    const denied = await scheduleMaintenance.run(plan(120, 60), await contextFor(support.token));
    expect(denied).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await env.prisma.maintenanceWindow.count({ where: { cancelledAt: null } })).toBe(0);
    const planned = await scheduleMaintenance.run(plan(120, 60), await contextFor(admin.token));
    const windowId = planned.ok ? planned.data.windowId : "";
    const cancel = await cancelMaintenance.run({ windowId }, await contextFor(support.token));
    expect(cancel).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await env.prisma.maintenanceWindow.findUniqueOrThrow({ where: { id: windowId } })).cancelledAt).toBeNull();
    const refusals = await env.prisma.auditEvent.count({
      where: {
        outcome: "DENIED",
        actorPersonId: support.personId,
        action: { in: ["maintenance.scheduled", "maintenance.cancelled"] },
      },
    });
    expect(refusals).toBe(2);
    // A member is refused like a foreign id, too.
    expect(await scheduleMaintenance.run(plan(300, 60), await contextFor(member.token))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("refuses windows that end before they start, end in the past, announce after the start, lack a message, or overlap", async () => {
    const ctx = await contextFor(admin.token);
    const errorsOf = async (input: Record<string, string>) => {
      const r = await scheduleMaintenance.run(input, ctx);
      return r.ok ? null : r.error.fieldErrors;
    };
    const p = plan(120, 60);
    expect(await errorsOf({ ...p, endsAt: p.startsAt })).toHaveProperty("endsAt");
    expect(await errorsOf({ ...p, announceFrom: p.endsAt })).toHaveProperty("announceFrom");
    expect(await errorsOf({ ...plan(120, 60, {}) })).toHaveProperty("messageRu");
    const past = plan(-120, 60);
    expect(await errorsOf({ ...past, announceFrom: past.startsAt })).toHaveProperty("endsAt");
    expect(await errorsOf({ ...p, startsAt: "2026-02-30T10:00" })).toHaveProperty("startsAt");
    expect(await errorsOf(p)).toBeNull();
    expect(await errorsOf(plan(150, 60))).toHaveProperty("startsAt");
    expect(await env.prisma.maintenanceWindow.count({ where: { cancelledAt: null } })).toBe(1);
  });

  it("reads the form's times as Almaty time and shows the message in the reader's language, else in another", async () => {
    const r = await scheduleMaintenance.run(
      {
        announceFrom: "2030-03-01T08:00",
        startsAt: "2030-03-01T22:00",
        endsAt: "2030-03-02T01:30",
        messageKk: "Жаңарту",
      },
      await contextFor(admin.token),
    );
    const w = await env.prisma.maintenanceWindow.findUniqueOrThrow({ where: { id: r.ok ? r.data.windowId : "" } });
    expect([w.startsAt.toISOString(), w.endsAt.toISOString()]).toEqual([
      "2030-03-01T17:00:00.000Z",
      "2030-03-01T20:30:00.000Z",
    ]);
    expect([w.messageRu, w.messageKk]).toEqual([null, "Жаңарту"]);
  });
});

describe("the gate during a window", () => {
  it("lets everyone through before the start; then only operators, login, health and assets", async () => {
    const planned = await scheduleMaintenance.run(plan(10, 30), await contextFor(admin.token));
    const windowId = planned.ok ? planned.data.windowId : "";
    expect(await maintenanceGate(request("/cabinet", { bearer: member.token }))).toBeNull();

    await later(15 * minute, async () => {
      const page = await maintenanceGate(request("/cabinet", { bearer: member.token }));
      expect(page?.status).toBe(503);
      expect(Number(page?.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
      expect(Number(page?.headers.get("retry-after"))).toBeLessThanOrEqual(25 * 60 + 60);
      const html = await page!.text();
      expect(html).toContain("Идут технические работы");
      expect(html).toContain("Обновление базы");

      const api = await maintenanceGate(request("/api/v1/me", { bearer: member.token }, "en"));
      expect(api?.status).toBe(503);
      expect(api?.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = (await api!.json()) as { error: string; message: string; until: string };
      expect(body).toMatchObject({ error: "maintenance", message: "Обновление базы" });
      expect(new Date(body.until).getTime()).toBeGreaterThan(Date.now());

      // Anonymous visitors and support staff's colleagues without a role alike; the landing too.
      expect((await maintenanceGate(request("/")))?.status).toBe(503);
      expect((await maintenanceGate(request("/admin")))?.status).toBe(503);
      // The way in for operators stays open.
      for (const path of [
        "/login",
        "/api/auth/callback/credentials",
        "/api/v1/auth/otp/request",
        "/api/health/ready",
        "/_next/static/chunks/a.js",
        "/favicon.svg",
      ])
        expect(await maintenanceGate(request(path)), path).toBeNull();
      // Operators work normally, by bearer token or by the web cookie.
      expect(await maintenanceGate(request("/admin", { bearer: admin.token }))).toBeNull();
      expect(await maintenanceGate(request("/api/v1/me", { bearer: support.token }))).toBeNull();
      const cookie = await encode({ token: { st: admin.token }, secret: process.env.NEXTAUTH_SECRET! });
      expect(await maintenanceGate(request("/cabinet", { cookie }))).toBeNull();
      // A forged cookie is no operator.
      const forged = await encode({ token: { st: "not-a-session" }, secret: process.env.NEXTAUTH_SECRET! });
      expect((await maintenanceGate(request("/admin", { cookie: forged })))?.status).toBe(503);
      const notice = await maintenanceNoticeLoader.run({}, { session: null });
      expect(notice.ok && notice.data?.phase).toBe("active");
    });

    // An admin ends it early: everyone is through again.
    const ended = await later(15 * minute, async () =>
      cancelMaintenance.run({ windowId }, await contextFor(admin.token)),
    );
    expect(ended.ok).toBe(true);
    await later(16 * minute, async () => {
      expect(await maintenanceGate(request("/cabinet", { bearer: member.token }))).toBeNull();
    });
    const cancelledTwice = await cancelMaintenance.run({ windowId }, await contextFor(admin.token));
    expect(cancelledTwice).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(
      await env.prisma.auditEvent.findFirst({
        where: { action: "maintenance.cancelled", targetId: windowId, outcome: "SUCCESS" },
      }),
    ).toMatchObject({ details: { wasRunning: true } });
  });

  it("ends on time: after the end everyone is through, the banner is gone", async () => {
    await scheduleMaintenance.run(plan(10, 30), await contextFor(admin.token));
    await later(45 * minute, async () => {
      expect(await maintenanceGate(request("/cabinet", { bearer: member.token }))).toBeNull();
      const notice = await maintenanceNoticeLoader.run({}, { session: null });
      expect(notice.ok && notice.data).toBeNull();
    });
  });

  it("a session that was revoked is no operator", async () => {
    await scheduleMaintenance.run(plan(10, 30), await contextFor(admin.token));
    const phone = uniquePhone();
    const p = await env.prisma.person.create({ data: { phone, name: "Оператор", adultConfirmedAt: new Date() } });
    await env.prisma.operator.create({ data: { personId: p.id, role: "ADMIN" } });
    const token = await login(phone, meta().ip ?? undefined);
    await env.prisma.session.updateMany({ where: { personId: p.id }, data: { revokedAt: new Date() } });
    await later(15 * minute, async () => {
      expect((await maintenanceGate(request("/admin", { bearer: token })))?.status).toBe(503);
    });
  });
});

describe("the per-process cache of open windows", () => {
  it("answers from memory for its few seconds; the table stays the one source", async () => {
    process.env.MAINTENANCE_CACHE_MS = "60000";
    try {
      forgetOpenWindows();
      const before = await openWindows(env.prisma, new Date());
      // Another instance plans a window: this one sees it once its cache is dropped or expires.
      const planned = await scheduleMaintenance.run(plan(500, 30), await contextFor(admin.token));
      expect(planned.ok).toBe(true);
      expect(await openWindows(env.prisma, new Date())).toEqual(before);
      forgetOpenWindows();
      const after = await openWindows(env.prisma, new Date());
      expect(after.map((w) => w.id)).toContain(planned.ok ? planned.data.windowId : "");
    } finally {
      process.env.MAINTENANCE_CACHE_MS = "0";
      forgetOpenWindows();
    }
  });
});
