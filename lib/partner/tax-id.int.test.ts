import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPartner as registerAction } from "@/lib/registration/actions/register-partner";
import { contextFor, login, registerPartner, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { updateCompanyProfile } from "./actions/update-company-profile";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const registration = (taxId: string) => ({
  name: "Нурлан Абенов",
  email: "nurlan@example.kz",
  partnerType: "LEGAL_ENTITY",
  partnerName: "ТОО «Вторая»",
  taxId,
  accept: true,
  adult: true,
});

const denials = (action: string) =>
  env.prisma.auditEvent.findMany({ where: { action, outcome: "DENIED" }, orderBy: { id: "asc" } });

describe("a BIN/IIN belongs to one Partner (ORG-2)", () => {
  it("refuses a second registration with the same BIN next to the field, in each language, and audits it", async () => {
    const taxId = randomKzTaxId();
    await registerPartner({ taxId });
    const partners = await env.prisma.partner.count();
    const deniedBefore = (await denials("auth.registered")).length;
    const phone = uniquePhone();
    const token = await login(phone);
    for (const [locale, pattern] of [
      ["ru", /уже есть кабинет.*руководител/],
      ["kk", /кабинеті бар.*басшысы/],
      ["en", /already has a cabinet; its director can invite you/],
    ] as const) {
      const result = await registerAction.run(registration(taxId), await contextFor(token, locale));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("conflict");
      expect(result.error.fieldErrors?.taxId?.[0]).toMatch(pattern);
    }
    expect(await env.prisma.partner.count()).toBe(partners);
    expect(await env.prisma.person.findUnique({ where: { phone } })).toBeNull();
    // The phone of a number still registering is kept sealed in audit rows (docs/audit.md): count the new rows.
    const denied = (await denials("auth.registered")).slice(deniedBefore);
    expect(denied).toHaveLength(3);
    expect(denied[0]!.details).toMatchObject({ reason: "tax_id_taken" });
  });

  it("refuses changing a company profile to another Partner's BIN, keeps its own, and audits it", async () => {
    const other = randomKzTaxId();
    await registerPartner({ taxId: other });
    const own = randomKzTaxId();
    const { token, partnerId } = await registerPartner({ taxId: own });
    const result = await updateCompanyProfile.run({ name: "ТОО «Тест»", taxId: other }, await contextFor(token, "en"));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        fieldErrors: { taxId: ["This company already has a cabinet; its director can invite you."] },
      },
    });
    expect((await env.prisma.partner.findUniqueOrThrow({ where: { id: partnerId } })).taxId).toBe(own);
    const denied = (await denials("partner.profile_updated")).filter((e) => e.partnerId === partnerId);
    expect(denied).toHaveLength(1);
    expect(denied[0]!.details).toMatchObject({ reason: "tax_id_taken" });
    // Saving the profile with its own BIN is no conflict.
    expect((await updateCompanyProfile.run({ name: "ТОО «Тест 2»", taxId: own }, await contextFor(token))).ok).toBe(
      true,
    );
  });

  it("holds in the database: simultaneous registrations with one new BIN give one Partner and one field error", async () => {
    const taxId = randomKzTaxId();
    const tokens = await Promise.all([login(uniquePhone()), login(uniquePhone()), login(uniquePhone())]);
    const results = await Promise.all(
      tokens.map(async (token) => registerAction.run(registration(taxId), await contextFor(token, "en"))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok))
      expect(refused.ok ? null : refused.error.fieldErrors?.taxId?.[0]).toMatch(/already has a cabinet/);
    expect(await env.prisma.partner.count({ where: { taxId } })).toBe(1);
    await expect(
      env.prisma.partner.create({ data: { type: "LEGAL_ENTITY", name: "ТОО «Копия»", taxId } }),
    ).rejects.toThrow();
  });
});
