import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requestLoginCode, verifyLoginCode } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { deskPartnerLoader } from "@/lib/desk/queries";
import { closedCabinetsLoader } from "@/lib/partner/closed-cabinets";
import { loadPlaces } from "@/lib/tenancy/places";
import {
  addMember,
  contextFor,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { activatePartner } from "./actions/activate-partner";
import { liftPhoneLock } from "./actions/lift-phone-lock";
import { restorePartner } from "./actions/restore-partner";
import { suspendPartner } from "./actions/suspend-partner";
import { partnerStatusLoader } from "./queries";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

/** Any action of the cabinet: what a member of a suspended Partner tries next. */
const viewProfile = defineAction({
  name: "test.viewProfile",
  input: z.object({}),
  access: { member: "profile.view" },
  audit: "partner.profile_updated",
  handler: async () => ({ data: null }),
});

async function person(name: string) {
  const phone = uniquePhone();
  const row = await env.prisma.person.create({ data: { phone, name, adultConfirmedAt: new Date() } });
  return { phone, personId: row.id };
}

async function operator(role: "ADMIN" | "SUPPORT") {
  const p = await person(`Оператор ${role}`);
  await env.prisma.operator.create({ data: { personId: p.personId, role } });
  return { ...p, token: await login(p.phone) };
}

/** Moves a phone's codes two minutes back, past the 60-second resend pause. */
async function backdateCodes(phone: string) {
  await env.prisma
    .$executeRaw`UPDATE otp_code SET "createdAt" = "createdAt" - interval '2 minutes' WHERE phone = ${phone}`;
}

async function cabinetsOf(personId: string) {
  return (await loadPlaces(personId)).cabinets.map((c) => c.partnerId);
}

const readAs = async (token: string) => ({ session: await resolveSession(token), meta: meta() });

describe("activating a demo Partner", () => {
  it("stores the contract, records the step, and refuses a Partner that is not in demo", async () => {
    const admin = await operator("ADMIN");
    const a = await registerPartner();
    const input = { partnerId: a.partnerId, contractNumber: " ДУ-2026/7 ", contractDate: "2026-11-30" };

    const bad = await activatePartner.run({ ...input, contractDate: "30.11" }, await contextFor(admin.token));
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(JSON.stringify(bad)).toContain("contractDate");

    expect((await activatePartner.run(input, await contextFor(admin.token))).ok).toBe(true);
    const partner = await env.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } });
    expect(partner).toMatchObject({ status: "ACTIVE", contractNumber: "ДУ-2026/7" });
    expect(partner.contractDate?.toISOString().slice(0, 10)).toBe("2026-11-30");
    const history = await partnerStatusLoader.run({ partnerId: a.partnerId }, await readAs(admin.token));
    expect(history.ok && history.data.statusChanges).toMatchObject([
      { fromStatus: "DEMO", toStatus: "ACTIVE", operator: { name: "Оператор ADMIN" } },
    ]);

    const again = await activatePartner.run(input, await contextFor(admin.token));
    expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });
    // The primary user keeps the cabinet: activation closes nothing.
    expect(await resolveSession(a.token)).not.toBeNull();
  });

  it("refuses support operators, who only read", async () => {
    const support = await operator("SUPPORT");
    const a = await registerPartner();
    const input = { partnerId: a.partnerId, contractNumber: "1", contractDate: "2026-11-30" };
    expect(await activatePartner.run(input, await contextFor(support.token))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect((await env.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } })).status).toBe("DEMO");
    expect((await partnerStatusLoader.run({ partnerId: a.partnerId }, await readAs(support.token))).ok).toBe(true);
  });
});

describe("suspending and restoring a Partner", () => {
  it("closes the cabinet at the members' next request, keeps it readable for staff, and restore gives it back", async () => {
    const admin = await operator("ADMIN");
    const a = await registerPartner();
    const other = await registerPartner();
    const full = await addMember(a.partnerId, "FULL");
    const company = await env.prisma.outsourcingCompany.create({ data: { name: `Аутсорсинг ${uniquePhone()}` } });
    await env.prisma.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: company.id } });
    const manager = await person("Менеджер");
    await env.prisma.staffMember.create({
      data: { companyId: company.id, personId: manager.personId, role: "MANAGER" },
    });
    const managerToken = await login(manager.phone);
    expect((await viewProfile.run({}, await contextFor(a.token))).ok).toBe(true);
    const otherBefore = await resolveSession(other.token);

    const suspended = await suspendPartner.run(
      { partnerId: a.partnerId, status: "SUSPENDED", reason: "Неоплата за ноябрь" },
      await contextFor(admin.token),
    );
    expect(suspended).toMatchObject({ ok: true, data: { sessionsEnded: 2 } });

    // Their sessions in A ended in the same transaction; another Partner's session lives on.
    expect(await resolveSession(a.token)).toBeNull();
    expect(await resolveSession(full.token)).toBeNull();
    expect((await resolveSession(other.token))?.sessionId).toBe(otherBefore?.sessionId);
    expect(await viewProfile.run({}, await contextFor(full.token))).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    // Logging in again opens no cabinet, and the person is told why, with the reason.
    await backdateCodes(full.phone);
    const again = await login(full.phone);
    expect(await cabinetsOf(full.personId)).toEqual([]);
    expect((await resolveSession(again))?.activePartnerId).toBeNull();
    const closed = await closedCabinetsLoader.run({}, await readAs(again));
    expect(closed).toMatchObject({
      ok: true,
      data: [{ id: a.partnerId, status: "SUSPENDED", statusReason: "Неоплата за ноябрь" }],
    });
    // Pointing a session at A is refused as well.
    await env.prisma.session.updateMany({
      where: { personId: full.personId, revokedAt: null },
      data: { activePartnerId: a.partnerId },
    });
    expect(await viewProfile.run({}, await contextFor(again))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    // The serving company's staff still read it on the desk.
    const desk = await deskPartnerLoader.run({ partnerId: a.partnerId }, await readAs(managerToken));
    expect(desk.ok && desk.data.partner.id).toBe(a.partnerId);

    // Blocking a suspended Partner is a change; suspending it twice is not.
    const twice = await suspendPartner.run(
      { partnerId: a.partnerId, status: "SUSPENDED", reason: "Ещё раз" },
      await contextFor(admin.token),
    );
    expect(twice).toMatchObject({ ok: false, error: { code: "conflict" } });

    const restored = await restorePartner.run({ partnerId: a.partnerId }, await contextFor(admin.token));
    expect(restored).toMatchObject({ ok: true, data: { status: "DEMO" } });
    expect(await cabinetsOf(full.personId)).toEqual([a.partnerId]);
    await backdateCodes(full.phone);
    const back = await login(full.phone);
    expect((await resolveSession(back))?.activePartnerId).toBe(a.partnerId);
    expect((await viewProfile.run({}, await contextFor(back))).ok).toBe(true);
    expect(await closedCabinetsLoader.run({}, await readAs(back))).toMatchObject({ ok: true, data: [] });

    const history = await partnerStatusLoader.run({ partnerId: a.partnerId }, await readAs(admin.token));
    expect(history.ok && history.data.statusChanges.map((c) => [c.fromStatus, c.toStatus, c.reason])).toEqual([
      ["SUSPENDED", "DEMO", null],
      ["DEMO", "SUSPENDED", "Неоплата за ноябрь"],
    ]);
    const audit = await env.prisma.auditEvent.findMany({
      where: { partnerId: a.partnerId, action: { in: ["partner.suspended", "partner.restored"] }, outcome: "SUCCESS" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((r) => r.action)).toEqual(["partner.suspended", "partner.restored"]);
  });

  it("restores a Partner with a contract to active, blocks with a required reason, and refuses an open Partner", async () => {
    const admin = await operator("ADMIN");
    const a = await registerPartner();
    const ctx = await contextFor(admin.token);
    await activatePartner.run({ partnerId: a.partnerId, contractNumber: "ДУ-1", contractDate: "2026-01-15" }, ctx);
    expect(await restorePartner.run({ partnerId: a.partnerId }, ctx)).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    const noReason = await suspendPartner.run({ partnerId: a.partnerId, status: "BLOCKED", reason: "   " }, ctx);
    expect(noReason).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(JSON.stringify(noReason)).toContain("reason");
    expect(
      (await suspendPartner.run({ partnerId: a.partnerId, status: "BLOCKED", reason: "Решение суда" }, ctx)).ok,
    ).toBe(true);
    expect(await restorePartner.run({ partnerId: a.partnerId }, ctx)).toMatchObject({
      ok: true,
      data: { status: "ACTIVE" },
    });
    const partner = await env.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } });
    expect([partner.status, partner.statusReason, partner.contractNumber]).toEqual(["ACTIVE", null, "ДУ-1"]);
  });
});

describe("lifting a phone lock early", () => {
  it("lets the locked phone log in again, and says so when the phone is not locked", async () => {
    const admin = await operator("ADMIN");
    const phone = uniquePhone();
    await requestLoginCode(phone, meta(), "ru");
    for (let i = 0; i < 3; i += 1) await verifyLoginCode(phone, "000000", meta(), "API");
    await backdateCodes(phone);
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: false, error: "locked" });

    // Typed the way people type it: spaces and a leading 8.
    const local = `8 ${phone.slice(2, 5)} ${phone.slice(5)}`;
    const lifted = await liftPhoneLock.run({ phone: local }, await contextFor(admin.token));
    expect(lifted).toMatchObject({ ok: true, data: { phone } });
    const guard = await env.prisma.phoneGuard.findUniqueOrThrow({ where: { phone } });
    expect([guard.lockedUntil, guard.failedCount]).toEqual([null, 0]);
    expect(await login(phone)).toEqual(expect.any(String));
    expect(
      await env.prisma.auditEvent.count({
        where: { action: "admin.lock_lifted", outcome: "SUCCESS", actorPersonId: admin.personId },
      }),
    ).toBe(1);

    expect(await liftPhoneLock.run({ phone }, await contextFor(admin.token))).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.any(String) },
    });
    expect(await liftPhoneLock.run({ phone: "12" }, await contextFor(admin.token))).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
  });
});
