import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { resolveSession } from "@/lib/auth/session";
import { rightsForMember } from "@/lib/permissions/catalog";
import {
  addMember,
  contextFor,
  lastCode,
  login,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { acceptInvitation } from "./actions/accept-invitation";
import { cancelInvitation } from "./actions/cancel-invitation";
import { changeMemberRights } from "./actions/change-member-rights";
import { inviteMember } from "./actions/invite-member";
import { resendInvitation } from "./actions/resend-invitation";
import { revokeMember } from "./actions/revoke-member";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

/** Any action of the cabinet: what a revoked member tries next. */
const viewProfile = defineAction({
  name: "test.viewProfile",
  input: z.object({}),
  access: { member: "profile.view" },
  audit: "partner.profile_updated",
  handler: async () => ({ data: null }),
});

const NONE = { requests: "none", documents: "none", sharing: "none", profile: "none", billing: "none", audit: "none" };

/** A fresh step-up code for the primary user, through the real action and SMS outbox. */
async function stepUp(owner: { phone: string; token: string }): Promise<string> {
  await backdateCodes(owner.phone);
  const sent = await requestStepUpCode.run({}, await contextFor(owner.token));
  if (!sent.ok) throw new Error(`step-up refused: ${JSON.stringify(sent.error)}`);
  return lastCode(owner.phone);
}

/** Moves a phone's codes two minutes back, past the 60-second resend pause. */
async function backdateCodes(phone: string) {
  const codes = await env.prisma.otpCode.findMany({ where: { phone } });
  for (const c of codes)
    await env.prisma.otpCode.update({
      where: { id: c.id },
      data: { createdAt: new Date(c.createdAt.getTime() - 120_000) },
    });
}

async function invite(owner: { phone: string; token: string }, overrides: Record<string, unknown> = {}) {
  const input = {
    phone: uniquePhone(),
    name: "Иван Петров",
    position: "Бухгалтер",
    role: "RESTRICTED",
    rights: { ...NONE, documents: "view", profile: "edit" },
    documentCategories: ["contracts", "hr"],
    ...overrides,
  };
  const code = "code" in overrides ? overrides.code : await stepUp(owner);
  return { input, result: await inviteMember.run({ ...input, code }, await contextFor(owner.token)) };
}

/** A registered person (own Partner) who can be invited. */
const existingPerson = () => registerPartner();

describe("users and delegation (TEN-2, TEN-3, AUTH-7)", () => {
  it("invites only with a valid step-up code; a missing or wrong code changes nothing", async () => {
    const owner = await registerPartner();
    const count = () => env.prisma.invitation.count({ where: { partnerId: owner.partnerId } });
    const missing = await inviteMember.run(
      { phone: uniquePhone(), name: "Без Кода", role: "FULL" },
      await contextFor(owner.token),
    );
    expect(missing).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(missing.ok ? null : missing.error.fieldErrors?.code).toBeDefined();

    const right = await stepUp(owner);
    const wrong = right === "000000" ? "111111" : "000000";
    const { result } = await invite(owner, { code: wrong });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(result.ok ? null : result.error.fieldErrors?.code).toHaveLength(1);
    expect(await count()).toBe(0);

    const ok = await inviteMember.run(
      { phone: uniquePhone(), name: "С Кодом", role: "FULL", code: right },
      await contextFor(owner.token),
    );
    expect(ok.ok).toBe(true);
    expect(await count()).toBe(1);
    const reused = await inviteMember.run(
      { phone: uniquePhone(), name: "Повтор", role: "FULL", code: right },
      await contextFor(owner.token),
    );
    expect(reused.ok).toBe(false);
    expect(await count()).toBe(1);
    const audit = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: owner.partnerId, action: "member.invited" },
    });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorRole: "PRIMARY", targetType: "invitation" });
  });

  it("voids the step-up code after three wrong tries", async () => {
    const owner = await registerPartner();
    const right = await stepUp(owner);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) expect((await invite(owner, { code: wrong })).result.ok).toBe(false);
    expect((await invite(owner, { code: right })).result.ok).toBe(false);
    const audited = await env.prisma.auditEvent.findMany({
      where: { actorPersonId: owner.personId, action: "auth.code_wrong" },
      orderBy: { id: "asc" },
    });
    expect(audited.map((e) => (e.details as { attempt: number; codeVoided: boolean }).attempt)).toEqual([1, 2, 3]);
    expect((audited.at(-1)!.details as { codeVoided: boolean }).codeVoided).toBe(true);
    // Counted on the code row itself, not in a rate-limit counter under a made-up window.
    const code = await env.prisma.otpCode.findFirstOrThrow({
      where: { phone: owner.phone, purpose: "CONFIRM" },
      orderBy: { createdAt: "desc" },
    });
    expect(code).toMatchObject({ failedAttempts: 3, consumedAt: null });
    expect(code.voidedAt).not.toBeNull();
    expect(await env.prisma.rateLimitBucket.count({ where: { key: { startsWith: "step-up" } } })).toBe(0);
  });

  it("refuses FULL and RESTRICTED members: not found, denial audited", async () => {
    const owner = await registerPartner();
    for (const member of [
      await addMember(owner.partnerId, "FULL"),
      await addMember(owner.partnerId, "RESTRICTED", { profile: "edit" }),
    ]) {
      const sent = await requestStepUpCode.run({}, await contextFor(member.token));
      expect(sent).toMatchObject({ ok: false, error: { code: "not_found" } });
      const result = await inviteMember.run(
        { phone: uniquePhone(), name: "X", role: "FULL", code: "123456" },
        await contextFor(member.token),
      );
      expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
      const denial = await env.prisma.auditEvent.findFirst({
        where: {
          partnerId: owner.partnerId,
          actorPersonId: member.personId,
          action: "member.invited",
          outcome: "DENIED",
        },
      });
      expect(denial?.details).toMatchObject({ reason: "missing_right" });
    }
    expect(await env.prisma.invitation.count({ where: { partnerId: owner.partnerId } })).toBe(0);
  });

  it("enforces the user limit with its message", async () => {
    const owner = await registerPartner();
    await env.prisma.partner.update({ where: { id: owner.partnerId }, data: { userLimit: 3 } });
    await addMember(owner.partnerId, "FULL");
    expect((await invite(owner)).result.ok).toBe(true);
    const { result } = await invite(owner);
    expect(result).toMatchObject({ ok: false, error: { code: "conflict" } });
    const audit = await env.prisma.auditEvent.count({
      where: { partnerId: owner.partnerId, action: "member.invited", outcome: "SUCCESS" },
    });
    expect(audit).toBe(1);
  });

  it("accepting creates the membership with exactly the invited rights and switches into it", async () => {
    const owner = await registerPartner();
    const invitee = await existingPerson();
    const { result } = await invite(owner, { phone: invitee.phone });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const stranger = await existingPerson();
    expect(
      await acceptInvitation.run({ invitationId: result.data.invitationId }, await contextFor(stranger.token)),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });

    const accepted = await acceptInvitation.run(
      { invitationId: result.data.invitationId },
      await contextFor(invitee.token),
    );
    expect(accepted).toMatchObject({ ok: true, data: { partnerId: owner.partnerId } });
    const membership = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: owner.partnerId, personId: invitee.personId },
    });
    expect(membership).toMatchObject({
      role: "RESTRICTED",
      rights: { documents: "view", profile: "edit" },
      documentCategories: ["contracts", "hr"],
      position: "Бухгалтер",
      status: "ACTIVE",
    });
    expect([...rightsForMember(membership.role, membership.rights)].sort()).toEqual([
      "documents.view",
      "profile.edit",
      "profile.view",
    ]);
    const session = await resolveSession(invitee.token);
    expect(session?.activePartnerId).toBe(owner.partnerId);
    const audit = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: owner.partnerId, action: "member.invitation_accepted" },
    });
    expect(audit).toMatchObject({ actorPersonId: invitee.personId, actorRole: "RESTRICTED", outcome: "SUCCESS" });
    expect(
      await acceptInvitation.run({ invitationId: result.data.invitationId }, await contextFor(invitee.token)),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("changes rights with a step-up code and audits before and after", async () => {
    const owner = await registerPartner();
    const member = await addMember(owner.partnerId, "RESTRICTED", { profile: "view" });
    const membership = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: owner.partnerId, personId: member.personId },
    });
    const input = {
      membershipId: membership.id,
      role: "RESTRICTED",
      rights: { ...NONE, requests: "edit" },
      documentCategories: [],
    };
    expect((await changeMemberRights.run({ ...input, code: "000000" }, await contextFor(owner.token))).ok).toBe(false);
    const changed = await changeMemberRights.run(
      { ...input, code: await stepUp(owner) },
      await contextFor(owner.token),
    );
    expect(changed.ok).toBe(true);
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: owner.partnerId, action: "member.rights_changed", outcome: "SUCCESS" },
    });
    expect(row.details).toMatchObject({
      before: { role: "RESTRICTED", rights: { profile: "view" } },
      after: { role: "RESTRICTED", rights: { requests: "edit" } },
    });
    const resolved = await contextFor(member.token);
    expect(resolved.session).not.toBeNull();
  });

  it("revoking ends that person's sessions in this cabinet at once", async () => {
    const owner = await registerPartner();
    const member = await addMember(owner.partnerId, "FULL");
    const membership = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: owner.partnerId, personId: member.personId },
    });
    expect((await revokeMember.run({ membershipId: membership.id }, await contextFor(owner.token))).ok).toBe(true);
    expect(await resolveSession(member.token)).toBeNull();
    expect(await viewProfile.run({}, await contextFor(member.token))).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    // Logging in again opens no cabinet; pointing a session at this Partner is refused as well.
    await backdateCodes(member.phone);
    const again = await login(member.phone);
    expect((await resolveSession(again))?.activePartnerId).toBeNull();
    await env.prisma.session.updateMany({
      where: { personId: member.personId, revokedAt: null },
      data: { activePartnerId: owner.partnerId },
    });
    expect(await viewProfile.run({}, await contextFor(again))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const audit = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: owner.partnerId, action: "member.revoked" },
    });
    expect(audit.details).toMatchObject({ personId: member.personId, sessionsEnded: 1 });
  });

  it("never revokes or changes the primary user", async () => {
    const owner = await registerPartner();
    const primary = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: owner.partnerId, personId: owner.personId },
    });
    expect(await revokeMember.run({ membershipId: primary.id }, await contextFor(owner.token))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    const changed = await changeMemberRights.run(
      { membershipId: primary.id, role: "FULL", code: await stepUp(owner) },
      await contextFor(owner.token),
    );
    expect(changed).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await env.prisma.membership.findUniqueOrThrow({ where: { id: primary.id } })).toMatchObject({
      role: "PRIMARY",
      status: "ACTIVE",
    });
  });

  it("a primary user of another Partner cannot touch these invitations or members by id", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    const { result } = await invite(a);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const member = await addMember(a.partnerId, "RESTRICTED", { profile: "view" });
    const membership = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: a.partnerId, personId: member.personId },
    });
    const ctxB = await contextFor(b.token);
    expect(await cancelInvitation.run({ invitationId: result.data.invitationId }, ctxB)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await resendInvitation.run({ invitationId: result.data.invitationId }, ctxB)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await revokeMember.run({ membershipId: membership.id }, ctxB)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const change = await changeMemberRights.run(
      { membershipId: membership.id, role: "FULL", code: await stepUp(b) },
      await contextFor(b.token),
    );
    expect(change).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await env.prisma.invitation.findUniqueOrThrow({ where: { id: result.data.invitationId } })).toMatchObject({
      status: "PENDING",
      sendCount: 1,
    });
    expect(await env.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({
      role: "RESTRICTED",
      status: "ACTIVE",
    });
    expect(await resolveSession(member.token)).not.toBeNull();
  });

  it("resends at most once a minute and cancels a pending invitation", async () => {
    const owner = await registerPartner();
    const { result } = await invite(owner);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const id = result.data.invitationId;
    expect(await resendInvitation.run({ invitationId: id }, await contextFor(owner.token))).toMatchObject({
      ok: false,
      error: { code: "rate_limited" },
    });
    await env.prisma.invitation.update({
      where: { id },
      data: { lastSentAt: new Date(Date.now() - 120_000), expiresAt: new Date(Date.now() + 1000) },
    });
    expect((await resendInvitation.run({ invitationId: id }, await contextFor(owner.token))).ok).toBe(true);
    const resent = await env.prisma.invitation.findUniqueOrThrow({ where: { id } });
    expect(resent.sendCount).toBe(2);
    expect(resent.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect((await cancelInvitation.run({ invitationId: id }, await contextFor(owner.token))).ok).toBe(true);
    expect(await env.prisma.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED" });
  });
});
