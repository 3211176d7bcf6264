import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { rightsForMember, type Right } from "@/lib/permissions/catalog";
import {
  addMember,
  contextFor,
  login,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import type { Action, ActionRight } from "./define-action";
import { ACTIONS } from "./registry";
import { MATRIX_CASES, type MatrixFixture } from "./matrix-cases";

/**
 * Every declared action × every kind of caller: allowed or refused, and the audit row each
 * leaves. The cases come from matrix-cases.ts; an action without a case fails this file.
 */

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const ROLES = ["anonymous", "staff", "otherPartner", "restrictedWithout", "restrictedWith", "full", "primary"] as const;
type Role = (typeof ROLES)[number];

/** A fresh Partner A with every kind of member, Partner B, and an outsourcer staff member with no assignment. */
async function fixture(
  restrictedRights: Record<string, string>,
): Promise<MatrixFixture & { tokens: Record<Role, string | null>; persons: Record<Role, string | null> }> {
  const a = await registerPartner();
  const b = await registerPartner();
  const full = await addMember(a.partnerId, "FULL");
  const restrictedWith = await addMember(a.partnerId, "RESTRICTED", restrictedRights);
  const restrictedWithout = await addMember(a.partnerId, "RESTRICTED", {});
  const staffPhone = uniquePhone();
  const company = await env.prisma.outsourcingCompany.create({ data: { name: `Аутсорсинг ${staffPhone}` } });
  const staffPerson = await env.prisma.person.create({
    data: { phone: staffPhone, name: "Бухгалтер", adultConfirmedAt: new Date() },
  });
  await env.prisma.staffMember.create({
    data: { companyId: company.id, personId: staffPerson.id, role: "ACCOUNTANT" },
  });
  return {
    a,
    b,
    members: { full, restrictedWith, restrictedWithout },
    staffPhone,
    prisma: env.prisma,
    tokens: {
      anonymous: null,
      staff: await login(staffPhone),
      otherPartner: b.token,
      restrictedWithout: restrictedWithout.token,
      restrictedWith: restrictedWith.token,
      full: full.token,
      primary: a.token,
    },
    persons: {
      anonymous: null,
      staff: staffPerson.id,
      otherPartner: b.personId,
      restrictedWithout: restrictedWithout.personId,
      restrictedWith: restrictedWith.personId,
      full: full.personId,
      primary: a.personId,
    },
  };
}

/** What the role matrix says a caller may do with a right in Partner A. */
function expected(
  right: ActionRight,
  role: Role,
  restrictedRights: Record<string, string>,
): "allowed" | "not_found" | "unauthenticated" | "own" {
  if (role === "anonymous") return "unauthenticated";
  if (right === "self" || right === "session") return "allowed";
  if (right === "registration") return "own";
  if (role === "staff") return "not_found";
  // Another Partner's primary user acts in their own cabinet: A's ids must find nothing there.
  if (role === "otherPartner") return "own";
  const member = {
    full: ["FULL", {}],
    restrictedWith: ["RESTRICTED", restrictedRights],
    restrictedWithout: ["RESTRICTED", {}],
    primary: ["PRIMARY", {}],
  }[role] as [string, object];
  return rightsForMember(member[0], member[1]).has(right as Right) ? "allowed" : "not_found";
}

describe("every action × every caller", () => {
  it("has a case for every registered action", () => {
    const missing = ACTIONS.map((a) => a.name).filter((name) => !(name in MATRIX_CASES));
    expect(missing).toEqual([]);
  });

  for (const action of ACTIONS as readonly Action<z.ZodType, unknown>[]) {
    it(`${action.name} (${action.right})`, async () => {
      const testCase = MATRIX_CASES[action.name]!;
      const restrictedRights = testCase.restrictedRights ?? {};
      const f = await fixture(restrictedRights);
      for (const role of ROLES) {
        if (testCase.skipRoles?.includes(role)) continue;
        const input = await testCase.input(f, role);
        const before = await env.prisma.auditEvent.count({ where: { action: action.audit } });
        const result = await action.run(input, await contextFor(f.tokens[role]));
        const want =
          role !== "anonymous" && testCase.expect
            ? testCase.expect(role)
            : expected(action.right, role, restrictedRights);
        const label = `${action.name} as ${role}: ${JSON.stringify(result.ok ? "ok" : result.error)}`;
        if (want === "unauthenticated") {
          expect(result.ok ? "ok" : result.error.code, label).toBe("unauthenticated");
          continue;
        }
        if (want === "not_found") {
          expect(result.ok ? "ok" : result.error.code, label).toBe("not_found");
          const denial = await env.prisma.auditEvent.findFirst({
            where: { action: action.audit, outcome: "DENIED", actorPersonId: f.persons[role] },
            orderBy: { id: "desc" },
          });
          expect(denial, `${label}: no DENIED audit row`).not.toBeNull();
          continue;
        }
        if (want === "own") {
          // Allowed only inside the caller's own Partner: nothing of A may change or be revealed.
          if (result.ok) {
            const row = await env.prisma.auditEvent.findFirstOrThrow({
              where: { action: action.audit, outcome: "SUCCESS" },
              orderBy: { id: "desc" },
            });
            expect(row.partnerId, label).not.toBe(f.a.partnerId);
          } else {
            expect(["not_found", "conflict", "invalid_input"], label).toContain(result.error.code);
          }
          continue;
        }
        expect(result.ok, label).toBe(true);
        expect(
          await env.prisma.auditEvent.count({ where: { action: action.audit } }),
          `${label}: no audit row`,
        ).toBeGreaterThan(before);
      }
    });
  }
});
