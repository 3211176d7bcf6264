import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { contextFor, lastCode } from "@/lib/testing/integration";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";

/** The Partners and people a matrix case can draw its input from. */
export interface MatrixFixture {
  a: { partnerId: string; personId: string; phone: string; token: string };
  b: { partnerId: string; personId: string; phone: string; token: string };
  members: Record<"full" | "restrictedWith" | "restrictedWithout", { personId: string; phone: string; token: string }>;
  staffPhone: string;
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

/** A real step-up code for A's primary user; other callers are refused before it is read. */
async function stepUpCode(f: MatrixFixture, role: string): Promise<string> {
  if (role !== "primary") return "000000";
  const sent = await requestStepUpCode.run({}, await contextFor(f.a.token));
  if (!sent.ok) throw new Error(`step-up code refused: ${JSON.stringify(sent.error)}`);
  return lastCode(f.a.phone);
}

/** A pending invitation into Partner A, made directly. */
async function invitation(f: MatrixFixture, phone: string): Promise<string> {
  const row = await f.prisma.invitation.create({
    data: {
      partnerId: f.a.partnerId,
      phone,
      name: "Приглашённый",
      role: "FULL",
      invitedById: f.a.personId,
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSentAt: new Date(Date.now() - 3_600_000),
    },
  });
  return row.id;
}

const NO_RIGHTS = {
  requests: "none",
  documents: "none",
  sharing: "none",
  profile: "none",
  billing: "none",
  audit: "none",
};

/** One case per registered action, by action name. */
export const MATRIX_CASES: Record<string, MatrixCase> = {
  "registration.register": {
    input: () => ({
      name: "Имя Фамилия",
      email: "x@example.kz",
      partnerType: "LEGAL_ENTITY",
      partnerName: "ТОО «Новая»",
      taxId: randomKzTaxId(),
      accept: true,
      adult: true,
    }),
  },
  "auth.logout": { input: () => ({}) },
  "auth.revokeSession": {
    // Each caller aims at a session of Partner A's primary user: only that user may end it.
    input: async (f) => ({
      sessionId: (
        await f.prisma.session.findFirstOrThrow({
          where: { phone: f.a.phone, revokedAt: null },
          orderBy: { createdAt: "desc" },
        })
      ).id,
    }),
    // The primary user ending their own current session would log the remaining cases out.
    skipRoles: ["primary"],
    expect: () => "not_found",
  },
  "auth.revokeOtherSessions": { input: () => ({}), skipRoles: ["primary"] },
  "person.updatePersonalData": { input: () => ({ name: "Новое Имя", email: "new@example.kz" }) },
  "person.setLocale": { input: () => ({ locale: "kk" }) },
  "cabinet.switch": {
    input: (f) => ({ partnerId: f.a.partnerId }),
    expect: (role) => (MEMBERS_OF_A.includes(role) ? "allowed" : "not_found"),
  },
  "auth.requestStepUpCode": { input: () => ({}) },
  "partner.updateProfile": {
    // Each caller keeps the BIN of the Partner it acts in: a BIN belongs to one Partner.
    input: async (f, role) => ({
      name: "ТОО «Переименованное»",
      taxId: (
        await f.prisma.partner.findUniqueOrThrow({
          where: { id: role === "otherPartner" ? f.b.partnerId : f.a.partnerId },
        })
      ).taxId,
      iban: "KZ86125KZT5004100100",
      bik: "CASPKZKA",
    }),
    restrictedRights: { profile: "edit" },
  },
  "members.invite": {
    input: async (f, role) => ({
      phone: `+7707${String(Date.now() % 10_000_000).padStart(7, "0")}`,
      name: "Новый сотрудник",
      role: "RESTRICTED",
      rights: { ...NO_RIGHTS, profile: "view" },
      code: await stepUpCode(f, role),
    }),
  },
  "members.resendInvitation": {
    input: async (f) => ({
      invitationId: await invitation(f, `+7706${String(Date.now() % 10_000_000).padStart(7, "0")}`),
    }),
  },
  "members.cancelInvitation": {
    input: async (f) => ({
      invitationId: await invitation(f, `+7706${String(Date.now() % 10_000_000).padStart(7, "0")}`),
    }),
  },
  "members.changeRights": {
    input: async (f, role) => ({
      membershipId: (
        await f.prisma.membership.findFirstOrThrow({
          where: { partnerId: f.a.partnerId, personId: f.members.restrictedWithout.personId },
        })
      ).id,
      role: "FULL",
      code: await stepUpCode(f, role),
    }),
  },
  "members.revoke": {
    input: async (f) => ({
      membershipId: (
        await f.prisma.membership.findFirstOrThrow({
          where: { partnerId: f.a.partnerId, personId: f.members.full.personId },
        })
      ).id,
    }),
    // Revoking FULL ends that member's sessions; FULL's own try comes before the primary's, so it is staged last.
  },
  "registration.joinByInvitation": {
    // Every caller here already has a person record, so each is refused; the invited new number's
    // path is covered in lib/registration/join-by-invitation.int.test.ts.
    input: async (f) => ({
      invitationId: await invitation(f, f.staffPhone),
      name: "Новый Сотрудник",
      email: "new@example.kz",
      accept: true,
      adult: true,
    }),
  },
  "members.acceptInvitation": {
    // The invitation is for the outsourcer staff member's phone: only that person may accept it.
    input: async (f) => ({ invitationId: await invitation(f, f.staffPhone) }),
    expect: (role) => (role === "staff" ? "allowed" : "not_found"),
  },
};
