import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { contextFor, login, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { registerPartner } from "./actions/register-partner";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const valid = {
  name: "Нурлан Абенов",
  email: "nurlan@example.kz",
  partnerType: "LEGAL_ENTITY",
  partnerName: "ТОО «Гамма»",
  taxId: "180440012349",
  accept: "on",
  adult: "on",
};

describe("registration (PRV-2)", () => {
  it("refuses a BIN with a wrong checksum with a field error in the user's language, and changes nothing", async () => {
    const token = await login(uniquePhone());
    const persons = await env.prisma.person.count();
    for (const [locale, pattern] of [
      ["ru", /контрольной/],
      ["kk", /бақылау/i],
      ["en", /check digit/i],
    ] as const) {
      const result = await registerPartner.run({ ...valid, taxId: "180440012340" }, await contextFor(token, locale));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("invalid_input");
      expect(result.error.fieldErrors?.taxId?.[0]).toMatch(pattern);
    }
    expect(await env.prisma.person.count()).toBe(persons);
  });

  it("needs the legal texts accepted and age 18+ confirmed", async () => {
    const token = await login(uniquePhone());
    const result = await registerPartner.run({ ...valid, accept: undefined, adult: "off" }, await contextFor(token));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["accept", "adult"]);
  });

  it("creates the person as primary user of a new demo Partner and records each acceptance", async () => {
    const phone = uniquePhone();
    const token = await login(phone);
    const result = await registerPartner.run(valid, await contextFor(token, "kk"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const person = await env.prisma.person.findUniqueOrThrow({
      where: { phone },
      include: { acceptances: { include: { document: true } }, memberships: { include: { partner: true } } },
    });
    expect(person).toMatchObject({ name: "Нурлан Абенов", email: "nurlan@example.kz", locale: "kk" });
    expect(person.adultConfirmedAt).not.toBeNull();
    expect(person.memberships).toHaveLength(1);
    expect(person.memberships[0]).toMatchObject({
      role: "PRIMARY",
      partner: { status: "DEMO", type: "LEGAL_ENTITY", taxId: "180440012349" },
    });
    expect(person.acceptances.map((a) => a.document.kind).sort()).toEqual([
      "PERSONAL_DATA_CONSENT",
      "PRIVACY_POLICY",
      "USER_AGREEMENT",
    ]);
    for (const acceptance of person.acceptances) {
      expect(acceptance).toMatchObject({ userAgent: "integration-test", document: { version: 1, locale: "kk" } });
      expect(acceptance.ip).toMatch(/^203\.0\.113\./);
    }
    const session = await resolveSession(token);
    expect(session).toMatchObject({ person: { id: person.id }, activePartnerId: result.data.partnerId });

    const events = await env.prisma.auditEvent.findMany({
      where: { partnerId: result.data.partnerId },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["auth.consent_accepted", "auth.registered"]);

    const again = await registerPartner.run(valid, await contextFor(token));
    expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
