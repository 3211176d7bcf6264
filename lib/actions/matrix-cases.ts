import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The Partners and people a matrix case can draw its input from. */
export interface MatrixFixture {
  a: { partnerId: string; personId: string; phone: string; token: string };
  b: { partnerId: string; personId: string; phone: string; token: string };
  members: Record<"full" | "restrictedWith" | "restrictedWithout", { personId: string; phone: string; token: string }>;
  prisma: PrismaClient;
}

export interface MatrixCase {
  /** A valid input aimed at Partner A (so another Partner's caller tries A's ids). Called once per caller. */
  input: (f: MatrixFixture, role: string) => unknown | Promise<unknown>;
  /** Rights of the RESTRICTED member who holds this action's right. */
  restrictedRights?: Record<string, string>;
  /** Callers for whom the case cannot be staged (the reason is written beside). */
  skipRoles?: string[];
  /** For actions on one's own things ("self"): who may, when that is narrower than every logged-in person. */
  expect?: (role: string) => "allowed" | "not_found";
}

const MEMBERS_OF_A = ["primary", "full", "restrictedWith", "restrictedWithout"];

/** One case per registered action, by action name. */
export const MATRIX_CASES: Record<string, MatrixCase> = {
  "registration.register": {
    input: () => ({ name: "Имя Фамилия", email: "x@example.kz", partnerType: "LEGAL_ENTITY", partnerName: "ТОО «Новая»", taxId: "180440012349", accept: true, adult: true }),
  },
  "auth.logout": { input: () => ({}) },
  "auth.revokeSession": {
    // Each caller aims at a session of Partner A's primary user: only that user may end it.
    input: async (f) => ({ sessionId: (await f.prisma.session.findFirstOrThrow({ where: { phone: f.a.phone, revokedAt: null }, orderBy: { createdAt: "desc" } })).id }),
    // The primary user ending their own current session would log the remaining cases out.
    skipRoles: ["primary"],
    expect: () => "not_found",
  },
  "auth.revokeOtherSessions": { input: () => ({}), skipRoles: ["primary"] },
  "person.updatePersonalData": { input: () => ({ name: "Новое Имя", email: "new@example.kz" }) },
  "person.setLocale": { input: () => ({ locale: "kk" }) },
  "cabinet.switch": { input: (f) => ({ partnerId: f.a.partnerId }), expect: (role) => (MEMBERS_OF_A.includes(role) ? "allowed" : "not_found") },
};
