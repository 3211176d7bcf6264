import { describe, expect, it } from "vitest";
import {
  RIGHTS,
  can,
  isValidAccess,
  parseRestrictedRights,
  rightsForMember,
  rightsForOperator,
  rightsForStaff,
} from "./catalog";

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

describe("staff, operator and access declarations", () => {
  it("lets only managers run assignments; other staff read the Partners they reach", () => {
    expect(can(rightsForStaff("MANAGER"), "desk.assignments.manage")).toBe(true);
    for (const role of ["ACCOUNTANT", "LAWYER", "HR_ASSISTANT"]) {
      expect(can(rightsForStaff(role), "desk.assignments.manage")).toBe(false);
      expect(can(rightsForStaff(role), "desk.partner.view")).toBe(true);
    }
    expect(rightsForStaff("OWNER").size).toBe(0);
  });

  it("gives support a strict subset of admin: reading only", () => {
    const admin = rightsForOperator("ADMIN");
    const support = rightsForOperator("SUPPORT");
    for (const right of support) expect(admin.has(right)).toBe(true);
    expect(support.size).toBeLessThan(admin.size);
    expect(can(support, "platform.staff.manage")).toBe(false);
    expect(can(support, "platform.partners.view")).toBe(true);
    expect(rightsForOperator("ROOT").size).toBe(0);
  });

  it("accepts an access declaration only with known kinds and rights of that kind", () => {
    expect(isValidAccess({ member: "profile.view" })).toBe(true);
    expect(isValidAccess({ staff: "desk.view", operator: "platform.view" })).toBe(true);
    expect(isValidAccess({})).toBe(false);
    expect(isValidAccess({ staff: "profile.view" })).toBe(false);
    expect(isValidAccess({ visitor: "desk.view" })).toBe(false);
    expect(isValidAccess("profile.view")).toBe(false);
  });
});
