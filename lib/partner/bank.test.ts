import { describe, expect, it } from "vitest";
import { isValidKzBik, kzIbanProblem, normalizeBankCode } from "./bank";
import { bikSchema, ibanSchema, legalEntityProfileSchema, personProfileSchema } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("KZ IBAN", () => {
  it("normalizes spaces and case", () => {
    expect(normalizeBankCode(" kz86 125k zt50 0410 0100 ")).toBe("KZ86125KZT5004100100");
    expect(ibanSchema.parse("kz86 125k zt50 0410 0100")).toBe("KZ86125KZT5004100100");
  });

  it("accepts a Kazakh IBAN with correct mod-97 check digits", () => {
    expect(kzIbanProblem("KZ86125KZT5004100100")).toBeNull();
  });

  it.each(["KZ87125KZT5004100100", "KZ86125KZT5004100101", "KZ86125KZT500410010", "KZ86125KZT50041001000", "KZ"])(
    "refuses %s as invalid",
    (iban) => {
      expect(kzIbanProblem(iban)).toBe("invalid_iban");
      expect(messages(ibanSchema.safeParse(iban))).toEqual(["invalid_iban"]);
    },
  );

  it.each(["DE89370400440532013000", "GB82WEST12345698765432", "RU0204452560040702810412345678901"])(
    "refuses a foreign IBAN %s",
    (iban) => {
      expect(kzIbanProblem(iban)).toBe("iban_not_kz");
      expect(messages(ibanSchema.safeParse(iban))).toEqual(["iban_not_kz"]);
    },
  );
});

describe("BIK", () => {
  it.each(["CASPKZKA", "HSBKKZKX", "KCJBKZKX", "HSBKKZKX001"])("accepts %s", (bik) => {
    expect(isValidKzBik(bik)).toBe(true);
  });

  it("normalizes spaces and case", () => {
    expect(bikSchema.parse(" caspkzka ")).toBe("CASPKZKA");
  });

  it.each(["CASPRUKA", "DEUTDEFF", "CASPKZ", "CASPKZKA0", "CASPKZKA0012", "1ASPKZKA", ""])("refuses %s", (bik) => {
    expect(isValidKzBik(bik)).toBe(false);
    expect(messages(bikSchema.safeParse(bik))).toEqual(["invalid_bik"]);
  });
});

describe("profile schemas by Partner type", () => {
  const base = { name: "ИП Абенов", taxId: "950401000018" };

  it("stores empty optional fields as null and leaves missing ones out", () => {
    expect(personProfileSchema.parse({ ...base, legalAddress: "  ", contactEmail: "" })).toEqual({
      ...base,
      legalAddress: null,
      contactEmail: null,
    });
  });

  it("has head fields only for a legal entity", () => {
    expect(legalEntityProfileSchema.safeParse({ ...base, headName: "Нурлан Абенов" }).success).toBe(true);
    expect(personProfileSchema.safeParse({ ...base, headName: "Нурлан Абенов" }).success).toBe(false);
  });

  it("checks the BIN/IIN checksum and the contact phone", () => {
    expect(messages(personProfileSchema.safeParse({ ...base, taxId: "950401000010" }))).toEqual(["invalid_tax_id"]);
    expect(messages(personProfileSchema.safeParse({ ...base, contactPhone: "12345" }))).toEqual([
      "invalid_contact_phone",
    ]);
    expect(personProfileSchema.parse({ ...base, contactPhone: "8 (701) 123-45-67" }).contactPhone).toBe("+77011234567");
    // A landline is a fine contact number for a company.
    expect(personProfileSchema.parse({ ...base, contactPhone: "8 727 250 00 00" }).contactPhone).toBe("+77272500000");
  });
});
