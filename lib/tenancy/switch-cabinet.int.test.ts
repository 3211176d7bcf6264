import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { contextFor, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { switchCabinet } from "./actions/switch-cabinet";
import { resolveActor } from "./actor";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

describe("one person, several cabinets", () => {
  it("switches to another cabinet of the person, scopes the actor to it, and audits the switch", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    // The primary user of B is also a FULL member of A.
    await env.prisma.membership.create({ data: { partnerId: a.partnerId, personId: b.personId, role: "FULL" } });

    const result = await switchCabinet.run({ partnerId: a.partnerId }, await contextFor(b.token));
    expect(result).toMatchObject({ ok: true, data: { partnerId: a.partnerId } });
    const session = await resolveSession(b.token);
    expect(session?.activePartnerId).toBe(a.partnerId);
    const actor = await resolveActor(session, "self");
    expect(actor).toMatchObject({ ok: true, value: { kind: "member", partnerId: a.partnerId, role: "FULL" } });
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: a.partnerId, action: "cabinet.switched" },
    });
    expect(row).toMatchObject({ actorPersonId: b.personId, actorRole: "FULL", details: { from: b.partnerId } });
  });

  it("refuses a Partner the person does not belong to, as not found, and stays where it was", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    const result = await switchCabinet.run({ partnerId: a.partnerId }, await contextFor(b.token));
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await resolveSession(b.token))?.activePartnerId).toBe(b.partnerId);
    expect(
      await env.prisma.auditEvent.count({
        where: { partnerId: b.partnerId, action: "cabinet.switched", outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});
