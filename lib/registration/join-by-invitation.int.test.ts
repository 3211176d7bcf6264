import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { rightsForMember } from "@/lib/permissions/catalog";
import { resolveActor } from "@/lib/tenancy/actor";
import { contextFor, login, registerPartner, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { joinPartnerByInvitation } from "./actions/join-by-invitation";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

async function invite(partnerId: string, invitedById: string, phone: string) {
  return env.prisma.invitation.create({
    data: {
      partnerId,
      phone,
      name: "Гульмира",
      role: "RESTRICTED",
      rights: { profile: "view" },
      invitedById,
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSentAt: new Date(),
    },
  });
}

const answers = { name: "Гульмира Ахметова", email: "g@example.kz", accept: "on", adult: "on" };

describe("a new number that was invited (TEN-2)", () => {
  it("joins the inviting Partner with exactly the invited rights and accepts the legal texts", async () => {
    const a = await registerPartner();
    const phone = uniquePhone();
    const invitation = await invite(a.partnerId, a.personId, phone);
    const token = await login(phone);

    const result = await joinPartnerByInvitation.run(
      { ...answers, invitationId: invitation.id },
      await contextFor(token),
    );
    expect(result).toMatchObject({ ok: true, data: { partnerId: a.partnerId } });
    const person = await env.prisma.person.findUniqueOrThrow({
      where: { phone },
      include: { acceptances: true, memberships: true },
    });
    expect(person.acceptances).toHaveLength(3);
    expect(person.memberships).toEqual([
      expect.objectContaining({
        partnerId: a.partnerId,
        role: "RESTRICTED",
        rights: { profile: "view" },
        status: "ACTIVE",
      }),
    ]);
    expect(await env.prisma.partner.count({ where: { memberships: { some: { personId: person.id } } } })).toBe(1);

    const actor = await resolveActor(await resolveSession(token), "self");
    expect(actor.ok && actor.value.kind === "member" && [...actor.value.rights]).toEqual([
      ...rightsForMember("RESTRICTED", { profile: "view" }),
    ]);
    const events = await env.prisma.auditEvent.findMany({
      where: { partnerId: a.partnerId, actorPersonId: person.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["auth.consent_accepted", "member.invitation_accepted"]);
  });

  it("cannot use an invitation sent to another number, and without the legal texts changes nothing", async () => {
    const a = await registerPartner();
    const invitation = await invite(a.partnerId, a.personId, uniquePhone());
    const token = await login(uniquePhone());
    expect(
      await joinPartnerByInvitation.run({ ...answers, invitationId: invitation.id }, await contextFor(token)),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    const mine = await invite(a.partnerId, a.personId, (await resolveSession(token))!.phone);
    const refused = await joinPartnerByInvitation.run(
      { ...answers, accept: undefined, invitationId: mine.id },
      await contextFor(token),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { accept: [expect.any(String)] } },
    });
    expect(await env.prisma.person.count({ where: { phone: (await resolveSession(token))!.phone } })).toBe(0);
    expect((await env.prisma.invitation.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("PENDING");
  });
});
