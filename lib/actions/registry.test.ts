import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import { messagesFor } from "@/lib/i18n/messages";
import { isValidAccess } from "@/lib/permissions/catalog";
import { ACTIONS } from "./registry";

describe("the action registry", () => {
  it("declares for every action the actor kinds it admits with a right of each kind's catalogue, a known audit event and an input schema", () => {
    expect(ACTIONS.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const action of ACTIONS) {
      const personLevel = ["self", "session", "registration"].includes(action.access as string);
      expect(personLevel || isValidAccess(action.access), `${action.name} declares no known actor kind and right`).toBe(
        true,
      );
      expect(AUDIT_ACTIONS).toContain(action.audit);
      expect(typeof action.input.safeParse).toBe("function");
      expect(names.has(action.name), `duplicate action name ${action.name}`).toBe(false);
      names.add(action.name);
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
