import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { CALLERS, actorWorld, expected } from "@/lib/testing/actors";
import { contextFor, startIntegrationDatabase } from "@/lib/testing/integration";
import type { Action } from "./define-action";
import { MATRIX_CASES } from "./matrix-cases";
import { ACTIONS } from "./registry";

/**
 * Every declared action × every kind of caller (members of A and B, staff of the serving company
 * and of another, both operator roles, counterparties, a person with no role, anonymous): allowed
 * or refused, what an allowed call changed, and the audit row each leaves.
 */

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

describe("every action × every caller", () => {
  it("has a case for every registered action", () => {
    const missing = ACTIONS.map((a) => a.name).filter((name) => !(name in MATRIX_CASES));
    expect(missing).toEqual([]);
  });

  for (const action of ACTIONS as readonly Action<z.ZodType, unknown>[]) {
    it(`${action.name} (${JSON.stringify(action.access)})`, async () => {
      const testCase = MATRIX_CASES[action.name]!;
      const restrictedRights = testCase.restrictedRights ?? {};
      const w = await actorWorld(restrictedRights);
      let allowedSomewhere = false;
      for (const caller of CALLERS) {
        if (testCase.skip?.includes(caller)) continue;
        const input = await testCase.input(w, caller);
        const result = await action.run(input, await contextFor(w.token(caller)));
        const want =
          caller !== "anonymous" && testCase.expect
            ? testCase.expect(caller)
            : expected(action.access, caller, restrictedRights);
        const label = `${action.name} as ${caller}: ${JSON.stringify(result.ok ? "ok" : result.error)}`;
        if (want === "unauthenticated") {
          expect(result.ok ? "ok" : result.error.code, label).toBe("unauthenticated");
          continue;
        }
        if (want === "not_found") {
          expect(result.ok ? "ok" : result.error.code, label).toBe("not_found");
          const denial = await env.prisma.auditEvent.findFirst({
            where: { action: action.audit, outcome: "DENIED", actorPersonId: w.personId(caller) },
            orderBy: { id: "desc" },
          });
          expect(denial, `${label}: no DENIED audit row`).not.toBeNull();
          continue;
        }
        if (want === "own") {
          // Allowed only inside the caller's own Partner: nothing of A may change or be revealed.
          if (result.ok) {
            const row = await env.prisma.auditEvent.findFirstOrThrow({
              where: { action: action.audit, outcome: "SUCCESS", actorPersonId: w.personId(caller) },
              orderBy: { id: "desc" },
            });
            expect(row.partnerId, label).not.toBe(w.a.partnerId);
          } else {
            expect(["not_found", "conflict", "invalid_input"], label).toContain(result.error.code);
          }
          continue;
        }
        expect(result.ok, label).toBe(true);
        allowedSomewhere = true;
        await testCase.changed(w, input, caller);
        const row = await env.prisma.auditEvent.findFirst({
          where: { action: action.audit, outcome: "SUCCESS", actorPersonId: w.personId(caller) },
          orderBy: { id: "desc" },
        });
        expect(row, `${label}: no SUCCESS audit row`).not.toBeNull();
      }
      const personLevelOnly = action.access === "registration";
      expect(allowedSomewhere || personLevelOnly, `${action.name}: no caller was allowed`).toBe(true);
    });
  }
});
