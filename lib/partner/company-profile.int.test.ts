import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, contextFor, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { updateCompanyProfile } from "./actions/update-company-profile";
import { resolveSession } from "@/lib/auth/session";
import { companyProfileLoader } from "./queries";

/** The profile as the company page reads it, through the loader with the member's own session. */
async function profileOf(token: string) {
  const result = await companyProfileLoader.run({}, { session: await resolveSession(token) });
  if (!result.ok) throw new Error(`profile refused: ${result.code}`);
  return result.data;
}

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const IBAN = "KZ86125KZT5004100100";
const requisites = {
  name: "ТОО «Альфа»",
  taxId: "180440012349",
  legalAddress: "Алматы, пр. Абая, 1",
  postalAddress: "",
  headName: "Нурлан Абенов",
  headPosition: "Директор",
  iban: "kz86 125k zt50 0410 0100",
  bik: "caspkzka",
  bankName: "Kaspi Bank",
  contactPhone: "8 701 123 45 67",
  contactEmail: "info@alfa.kz",
};

const partnerRow = (id: string) => env.prisma.partner.findUniqueOrThrow({ where: { id } });
/** The requisites with the Partner's own BIN: a BIN belongs to one Partner. */
const own = async (partnerId: string) => ({ ...requisites, taxId: (await partnerRow(partnerId)).taxId });
const profileEvents = (partnerId: string) =>
  env.prisma.auditEvent.findMany({ where: { partnerId, action: "partner.profile_updated" }, orderBy: { id: "asc" } });

describe("company profile (ORG-1, ORG-2)", () => {
  it("saves the primary user's edit, normalized, with one audit row of the changed fields only", async () => {
    const { token, partnerId, personId } = await registerPartner();
    const result = await updateCompanyProfile.run(await own(partnerId), await contextFor(token));
    expect(result).toMatchObject({
      ok: true,
      data: { type: "LEGAL_ENTITY", iban: IBAN, bik: "CASPKZKA", contactPhone: "+77011234567", postalAddress: null },
    });
    expect(await profileOf(token)).toMatchObject({
      name: "ТОО «Альфа»",
      legalAddress: "Алматы, пр. Абая, 1",
      iban: IBAN,
      headPosition: "Директор",
    });

    const events = await profileEvents(partnerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "SUCCESS",
      actorPersonId: personId,
      actorRole: "PRIMARY",
      targetType: "partner",
      targetId: partnerId,
    });
    // taxId and postalAddress did not change, so they are not in the row.
    expect(events[0]!.details).toEqual({
      before: {
        name: "ТОО «Тест»",
        legalAddress: null,
        headName: null,
        headPosition: null,
        iban: null,
        bik: null,
        bankName: null,
        contactPhone: null,
        contactEmail: null,
      },
      after: {
        name: "ТОО «Альфа»",
        legalAddress: "Алматы, пр. Абая, 1",
        headName: "Нурлан Абенов",
        headPosition: "Директор",
        iban: IBAN,
        bik: "CASPKZKA",
        bankName: "Kaspi Bank",
        contactPhone: "+77011234567",
        contactEmail: "info@alfa.kz",
      },
    });

    const second = await updateCompanyProfile.run(
      { ...(await own(partnerId)), legalAddress: "", contactEmail: "office@alfa.kz" },
      await contextFor(token),
    );
    expect(second.ok).toBe(true);
    const rows = await profileEvents(partnerId);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.details).toEqual({
      before: { legalAddress: "Алматы, пр. Абая, 1", contactEmail: "info@alfa.kz" },
      after: { legalAddress: null, contactEmail: "office@alfa.kz" },
    });
  });

  it("lets a FULL member and a RESTRICTED member with profile edit change the profile", async () => {
    const { partnerId } = await registerPartner();
    const full = await addMember(partnerId, "FULL");
    expect(
      await updateCompanyProfile.run(
        { ...(await own(partnerId)), bankName: "Halyk Bank" },
        await contextFor(full.token),
      ),
    ).toMatchObject({ ok: true });
    const editor = await addMember(partnerId, "RESTRICTED", { profile: "edit" });
    expect(
      await updateCompanyProfile.run(
        { ...(await own(partnerId)), bankName: "Forte Bank" },
        await contextFor(editor.token),
      ),
    ).toMatchObject({ ok: true });
    expect((await partnerRow(partnerId)).bankName).toBe("Forte Bank");
    const rows = await profileEvents(partnerId);
    expect(rows.map((r) => [r.actorPersonId, r.actorRole])).toEqual([
      [full.personId, "FULL"],
      [editor.personId, "RESTRICTED"],
    ]);
  });

  it("refuses a RESTRICTED member with profile view only as not found, audits the refusal and changes nothing", async () => {
    const { partnerId } = await registerPartner();
    const viewer = await addMember(partnerId, "RESTRICTED", { profile: "view" });
    const before = await partnerRow(partnerId);
    const result = await updateCompanyProfile.run(await own(partnerId), await contextFor(viewer.token));
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await partnerRow(partnerId)).toEqual(before);
    const rows = await profileEvents(partnerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "DENIED",
      actorPersonId: viewer.personId,
      actorRole: "RESTRICTED",
      details: { action: "partner.updateProfile", reason: "missing_right" },
    });
  });

  it.each([
    ["iban", "KZ87125KZT5004100100"], // wrong check digits
    ["iban", "KZ86125KZT500410010"], // too short
    ["iban", "DE89370400440532013000"], // valid, but not Kazakh
    ["bik", "CASPRUKA"], // not a bank in Kazakhstan
    ["bik", "CASPKZ"], // too short for a BIC
    ["taxId", "180440012340"], // wrong control digit
    ["contactPhone", "12345"],
    ["contactPhone", "+7 000 000 00 00"],
    ["contactEmail", "not-an-email"],
  ])("refuses %s %s with a field error and changes nothing", async (field, value) => {
    const { token, partnerId } = await registerPartner();
    const before = await partnerRow(partnerId);
    const result = await updateCompanyProfile.run(
      { ...(await own(partnerId)), [field]: value },
      await contextFor(token),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid_input");
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual([field]);
    expect(result.error.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
    expect(await partnerRow(partnerId)).toEqual(before);
    expect(await profileEvents(partnerId)).toHaveLength(0);
  });

  it("refuses a partnerId or a type in the input: the Partner and its type are never taken from it", async () => {
    const { token, partnerId } = await registerPartner();
    const other = await registerPartner();
    const result = await updateCompanyProfile.run(
      { ...(await own(partnerId)), partnerId: other.partnerId, type: "INDIVIDUAL" },
      await contextFor(token),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect((await partnerRow(partnerId)).type).toBe("LEGAL_ENTITY");
  });

  it("a user of another Partner only ever changes their own Partner", async () => {
    const mine = await registerPartner();
    const theirs = await registerPartner();
    const theirsBefore = await partnerRow(theirs.partnerId);
    const result = await updateCompanyProfile.run(
      { ...(await own(mine.partnerId)), name: "ТОО «Чужое»" },
      await contextFor(mine.token),
    );
    expect(result.ok).toBe(true);
    expect((await partnerRow(mine.partnerId)).name).toBe("ТОО «Чужое»");
    expect(await partnerRow(theirs.partnerId)).toEqual(theirsBefore);
    expect(await profileEvents(theirs.partnerId)).toHaveLength(0);
  });

  it("keeps head fields off an entrepreneur and leaves fields that were not sent as they are", async () => {
    const { token, partnerId } = await registerPartner({
      partnerType: "INDIVIDUAL_ENTREPRENEUR",
      partnerName: "ИП Абенов",
      taxId: "950401000018",
    });
    const refused = await updateCompanyProfile.run(
      { name: "ИП Абенов", taxId: "950401000018", headName: "Кто-то" },
      await contextFor(token),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { headName: [expect.any(String)] } },
    });

    const saved = await updateCompanyProfile.run(
      { name: "ИП Абенов", taxId: "950401000018", iban: IBAN, headName: "", headPosition: null },
      await contextFor(token),
    );
    expect(saved).toMatchObject({ ok: true, data: { type: "INDIVIDUAL_ENTREPRENEUR", iban: IBAN, headName: null } });
    const partial = await updateCompanyProfile.run(
      { name: "ИП Абенов А.", taxId: "950401000018" },
      await contextFor(token),
    );
    expect(partial).toMatchObject({ ok: true, data: { name: "ИП Абенов А.", iban: IBAN } });
    const rows = await profileEvents(partnerId);
    expect(rows.map((r) => r.details)).toEqual([
      { before: { iban: null }, after: { iban: IBAN } },
      { before: { name: "ИП Абенов" }, after: { name: "ИП Абенов А." } },
    ]);
  });

  it("takes a landline as the company's contact phone", async () => {
    const { token, partnerId } = await registerPartner();
    const result = await updateCompanyProfile.run(
      { ...(await own(partnerId)), contactPhone: "+7 727 250 00 00" },
      await contextFor(token, "en"),
    );
    expect(result).toMatchObject({ ok: true, data: { contactPhone: "+77272500000" } });
    const refused = await updateCompanyProfile.run(
      { ...(await own(partnerId)), contactPhone: "+7 727 25" },
      await contextFor(token, "en"),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { fieldErrors: { contactPhone: [expect.stringMatching(/phone number in Kazakhstan/)] } },
    });
  });
});
