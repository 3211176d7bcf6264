import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import { messagesFor } from "@/lib/i18n/messages";
import { isValidAccess } from "@/lib/permissions/catalog";
import { ACTIONS } from "./registry";

// The types already guarantee each action a known right, a known audit event and a zod schema;
// these are what they cannot see.
describe("the action registry", () => {
  it("names every action once (tests and audit rows tell actions apart by name)", () => {
    const names = ACTIONS.map((action) => action.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("declares for every action the actor kinds it admits, each with a right of that kind's catalogue", () => {
    for (const action of ACTIONS) {
      const personLevel = ["self", "session", "registration", "visitor"].includes(action.access as string);
      expect(personLevel || isValidAccess(action.access), `${action.name} declares no known actor kind and right`).toBe(
        true,
      );
    }
  });

  it("has a text for every audit event in every language", () => {
    for (const catalog of ["ru", "kk", "en"].map(messagesFor)) {
      for (const action of AUDIT_ACTIONS) {
        const [group, name] = action.split(".") as [string, string];
        expect(
          (catalog.audit.actions as Record<string, Record<string, string>>)[group]?.[name],
          `${action}`,
        ).toBeTruthy();
      }
    }
  });
});
