import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import { messagesFor } from "@/lib/i18n/messages";
import { RIGHTS } from "@/lib/permissions/catalog";
import { ACTIONS } from "./registry";

describe("the action registry", () => {
  it("declares for every action a known right, a known audit event and an input schema", () => {
    expect(ACTIONS.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const action of ACTIONS) {
      expect([...RIGHTS, "self", "session", "registration"]).toContain(action.right);
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
