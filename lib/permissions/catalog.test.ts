import { describe, expect, it } from "vitest";
import { RIGHTS, can, parseRestrictedRights, rightsForMember } from "./catalog";

describe("role matrix", () => {
  it("gives the primary user every right", () => {
    const rights = rightsForMember("PRIMARY", {});
    for (const right of RIGHTS) expect(can(rights, right)).toBe(true);
  });

  it("gives a FULL member everything but user management, tariff and closing the cabinet", () => {
    const rights = rightsForMember("FULL", {});
    expect(can(rights, "documents.edit")).toBe(true);
    expect(can(rights, "audit.view")).toBe(true);
    expect(can(rights, "users.manage")).toBe(false);
    expect(can(rights, "tariff.manage")).toBe(false);
    expect(can(rights, "cabinet.close")).toBe(false);
  });

  it("gives a RESTRICTED member exactly the ticked modules; edit implies view", () => {
    const rights = rightsForMember("RESTRICTED", { profile: "view", documents: "edit", audit: "none" });
    expect([...rights].sort()).toEqual(["documents.edit", "documents.view", "profile.view"]);
  });

  it("never lets restricted rights reach primary-only rights", () => {
    const rights = rightsForMember("RESTRICTED", { users: "edit", tariff: "edit", cabinet: "edit" });
    expect(rights.size).toBe(0);
  });

  it("fails closed for unknown roles and malformed rights", () => {
    expect(rightsForMember("OWNER", {}).size).toBe(0);
    expect(rightsForMember("", null).size).toBe(0);
    expect(parseRestrictedRights("profile.edit")).toEqual({});
    expect(parseRestrictedRights(["profile"])).toEqual({});
    expect(parseRestrictedRights({ profile: "admin" })).toEqual({});
  });
});
