import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { contextFor, registerPartner, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { switchPlace } from "./actions/switch-place";
import { resolveActor } from "./actor";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

describe("one person, several places", () => {
  it("switches to another cabinet of the person, scopes the actor to it, and audits the switch", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    // The primary user of B is also a FULL member of A.
    await env.prisma.membership.create({ data: { partnerId: a.partnerId, personId: b.personId, role: "FULL" } });

    const result = await switchPlace.run({ kind: "CABINET", partnerId: a.partnerId }, await contextFor(b.token));
    expect(result).toMatchObject({ ok: true, data: { kind: "CABINET" } });
    const session = await resolveSession(b.token);
    expect(session).toMatchObject({ activePartnerId: a.partnerId, activePlace: "CABINET" });
    const actor = await resolveActor(session, "self");
    expect(actor).toMatchObject({ ok: true, value: { kind: "member", partnerId: a.partnerId, role: "FULL" } });
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: a.partnerId, action: "place.switched" },
    });
    expect(row).toMatchObject({
      actorPersonId: b.personId,
      actorRole: "FULL",
      details: { to: "CABINET", from: `member:${b.partnerId}` },
    });
  });

  it("refuses a Partner the person does not belong to, as not found, and stays where it was", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    const result = await switchPlace.run({ kind: "CABINET", partnerId: a.partnerId }, await contextFor(b.token));
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await resolveSession(b.token))?.activePartnerId).toBe(b.partnerId);
    expect(
      await env.prisma.auditEvent.count({
        where: { partnerId: b.partnerId, action: "place.switched", outcome: "DENIED" },
      }),
    ).toBe(1);
  });

  it("moves a director who is also outsourcer staff between the cabinet and the desk, and refuses the back office", async () => {
    const a = await registerPartner();
    const company = await env.prisma.outsourcingCompany.create({ data: { name: `Аутсорсинг ${uniquePhone()}` } });
    await env.prisma.staffMember.create({ data: { companyId: company.id, personId: a.personId, role: "MANAGER" } });

    const toDesk = await switchPlace.run({ kind: "DESK", companyId: company.id }, await contextFor(a.token));
    expect(toDesk).toMatchObject({ ok: true, data: { kind: "DESK" } });
    const atDesk = await resolveActor(await resolveSession(a.token), "self");
    expect(atDesk).toMatchObject({ ok: true, value: { kind: "staff", companyId: company.id, role: "MANAGER" } });
    // A cabinet right is refused at the desk: the actor is staff now, not a member.
    expect(await resolveActor(await resolveSession(a.token), { member: "profile.view" })).toMatchObject({
      ok: false,
      code: "not_found",
    });

    const toAdmin = await switchPlace.run({ kind: "ADMIN" }, await contextFor(a.token));
    expect(toAdmin).toMatchObject({ ok: false, error: { code: "not_found" } });

    const back = await switchPlace.run({ kind: "CABINET", partnerId: a.partnerId }, await contextFor(a.token));
    expect(back).toMatchObject({ ok: true });
    expect(await resolveActor(await resolveSession(a.token), "self")).toMatchObject({
      ok: true,
      value: { kind: "member", partnerId: a.partnerId },
    });
  });
});
