import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteMember } from "@/lib/members/actions/invite-member";
import { updateCompanyProfile } from "@/lib/partner/actions/update-company-profile";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";
import { registerPartner as registerPartnerAction } from "@/lib/registration/actions/register-partner";
import { contextFor, login, registerPartner, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const INVISIBLE = "\u200B\u200B\u2060";
const REVERSED = "Иван \u202Eвонави";
const MESSAGE = { ru: /невидимых/, kk: /көрінбейтін/, en: /invisible/ } as const;

describe("invisible and bidirectional names are refused wherever a name is typed", () => {
  it("at registration: the person's and the Partner's name", async () => {
    const token = await login(uniquePhone());
    const persons = await env.prisma.person.count();
    for (const locale of ["ru", "kk", "en"] as const) {
      const result = await registerPartnerAction.run(
        {
          name: INVISIBLE,
          email: "a@example.kz",
          partnerType: "LEGAL_ENTITY",
          partnerName: REVERSED,
          taxId: "180440012349",
          accept: true,
          adult: true,
        },
        await contextFor(token, locale),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("invalid_input");
      expect(result.error.fieldErrors?.name).toEqual([expect.stringMatching(MESSAGE[locale])]);
      expect(result.error.fieldErrors?.partnerName).toEqual([expect.stringMatching(MESSAGE[locale])]);
    }
    expect(await env.prisma.person.count()).toBe(persons);
  });

  it("in personal data, the company profile and an invitation", async () => {
    const owner = await registerPartner();
    const ctx = await contextFor(owner.token, "en");

    const personal = await updatePersonalData.run({ name: REVERSED, email: "" }, ctx);
    expect(!personal.ok && personal.error.fieldErrors?.name).toEqual([expect.stringMatching(MESSAGE.en)]);

    const profile = await updateCompanyProfile.run(
      { name: INVISIBLE, taxId: "180440012349", headName: "\u2066Ерлан\u2069", bankName: "\u3164\u3164" },
      ctx,
    );
    expect(profile.ok).toBe(false);
    if (!profile.ok)
      for (const field of ["name", "headName", "bankName"])
        expect(profile.error.fieldErrors?.[field], field).toEqual([expect.stringMatching(MESSAGE.en)]);

    const invite = await inviteMember.run(
      { phone: uniquePhone(), name: "\u200F\u200E", role: "FULL", code: "123456" },
      ctx,
    );
    expect(!invite.ok && invite.error.fieldErrors?.name).toEqual([expect.stringMatching(MESSAGE.en)]);

    const partner = await env.prisma.partner.findUniqueOrThrow({ where: { id: owner.partnerId } });
    expect(partner.name).toBe("ТОО «Тест»");
    const person = await env.prisma.person.findUniqueOrThrow({ where: { id: owner.personId } });
    expect(person.name).toBe("Тест Тестов");
  });
});
