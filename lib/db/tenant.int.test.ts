import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { TENANT_MODELS, partnerScoped } from "./tenant";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

describe("the Partner-scoped client (TEN-1)", () => {
  it("lists exactly the models of schema.prisma with a non-null partnerId", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const withPartner = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+partnerId\s+String\s/m.test(body!))
      .map(([, name]) => name);
    expect([...TENANT_MODELS].sort()).toEqual(withPartner.sort());
  });

  it("never reads, changes or deletes another Partner's rows, and creates only in its own", async () => {
    const a = await registerPartner();
    const b = await registerPartner();
    const bMember = await addMember(b.partnerId, "FULL");
    const bRow = await env.prisma.membership.findFirstOrThrow({
      where: { partnerId: b.partnerId, personId: bMember.personId },
    });
    const scopedA = partnerScoped(env.prisma, a.partnerId);

    expect(await scopedA.membership.findUnique({ where: { id: bRow.id } })).toBeNull();
    expect(await scopedA.membership.findFirst({ where: { id: bRow.id } })).toBeNull();
    expect(await scopedA.membership.findMany({ where: { partnerId: b.partnerId } })).toEqual([]);
    expect(await scopedA.membership.count()).toBe(1);
    expect((await scopedA.membership.updateMany({ where: { id: bRow.id }, data: { position: "hacked" } })).count).toBe(
      0,
    );
    await expect(scopedA.membership.update({ where: { id: bRow.id }, data: { position: "hacked" } })).rejects.toThrow();
    await expect(scopedA.membership.delete({ where: { id: bRow.id } })).rejects.toThrow();
    expect((await scopedA.membership.deleteMany({ where: { id: bRow.id } })).count).toBe(0);
    await expect(
      scopedA.membership.update({
        where: { id: (await scopedA.membership.findFirstOrThrow()).id },
        data: { partnerId: b.partnerId },
      }),
    ).rejects.toThrow(/another Partner/);

    const created = await scopedA.$transaction((tx) =>
      tx.membership.create({ data: { partnerId: b.partnerId, personId: bMember.personId, role: "FULL" } }),
    );
    expect(created.partnerId).toBe(a.partnerId);

    const unchanged = await env.prisma.membership.findUniqueOrThrow({ where: { id: bRow.id } });
    expect(unchanged).toEqual(bRow);
  });
});
