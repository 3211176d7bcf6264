import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { expect } from "vitest";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { issueInvoice } from "@/lib/billing/invoices";
import { requestConversionCode } from "@/lib/demo/actions/request-conversion-code";
import { requestSignCode } from "@/lib/signatures/actions/sign";
import { setEcpVerifyOptionsForTests } from "@/lib/signatures/actions/sign-ecp";
import { noRevocationCheck } from "@/lib/signatures/ecp/verify";
import { getStorage, setStorageForTests } from "@/lib/storage";
import { LocalObjectStore } from "@/lib/storage/local";
import { signCmsForTest, standingTestCa } from "@/lib/testing/test-ca";
import { kzControlDigit } from "@/lib/validation/kz-tax-id";
import { getDb } from "@/lib/db/client";
import type { ActorWorld, Caller } from "@/lib/testing/actors";
import { MEMBERS_OF_A } from "@/lib/testing/actors";
import { contextFor, lastCode, uniquePhone } from "@/lib/testing/integration";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";

type Input = Record<string, unknown>;

export interface MatrixCase {
  /** A valid input aimed at Partner A (so every other caller tries A's ids). Called once per caller. */
  input: (w: ActorWorld, caller: Caller) => Input | Promise<Input>;
  /** Rights of the RESTRICTED member who holds this action's right. */
  restrictedRights?: Record<string, string>;
  /** Callers for whom the case cannot be staged (the reason is written beside). */
  skip?: Caller[];
  /** For person-level actions: who may, when that is narrower than every logged-in person. */
  expect?: (caller: Caller) => "allowed" | "not_found";
  /** What an allowed call must have changed, read back from the database. */
  changed: (w: ActorWorld, input: Input, caller: Caller) => Promise<void>;
}

const db = () => getDb();

/** A real step-up code for A's primary user; other callers are refused before it is read. */
async function stepUpCode(w: ActorWorld, caller: Caller): Promise<string> {
  if (caller !== "primary") return "000000";
  const sent = await requestStepUpCode.run({}, await contextFor(w.a.token));
  if (!sent.ok) throw new Error(`step-up code refused: ${JSON.stringify(sent.error)}`);
  return lastCode(w.a.phone);
}

/** Makes Partner A a visitor's demo cabinet (due for the purge), so its primary user may convert it. */
async function makeDemoOfA(w: ActorWorld): Promise<void> {
  await db().partner.update({
    where: { id: w.a.partnerId },
    data: { demoExpiresAt: new Date(Date.now() + 86_400_000) },
  });
}

/** A pending invitation into Partner A, made directly. */
async function invitation(w: ActorWorld, phone: string): Promise<string> {
  const row = await db().invitation.create({
    data: {
      partnerId: w.a.partnerId,
      phone,
      name: "Приглашённый",
      role: "FULL",
      invitedById: w.a.personId,
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSentAt: new Date(Date.now() - 3_600_000),
    },
  });
  return row.id;
}

/** Another live session of a person, as if logged in on a second device. */
async function secondSession(personId: string, phone: string): Promise<string> {
  const at = new Date();
  const row = await db().session.create({
    data: {
      tokenHash: randomBytes(32).toString("hex"),
      kind: "WEB",
      personId,
      phone,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + 3_600_000),
    },
  });
  return row.id;
}

let saturdays = 0;
/** A Saturday no calendar row holds yet: one per call, from 2090 on. */
function freeSaturday(): string {
  const first = Date.UTC(2090, 0, 7); // a Saturday
  return new Date(first + 7 * 86_400_000 * saturdays++).toISOString().slice(0, 10);
}

/** Bytes the next stored file stands for (ЭЦП signs real bytes); otherwise the bytes are not needed. */
let nextFileBytes: Buffer | null = null;

/** A stored file as the upload route hands it to the change path (the bytes are not needed here). */
function storedFile() {
  const id = randomBytes(8).toString("hex");
  const bytes = nextFileBytes;
  return {
    storageKey: `documents/matrix/${id}`,
    originalName: `file-${id}.pdf`,
    mime: "application/pdf",
    size: bytes ? bytes.length : 1000,
    sha256: bytes ? createHash("sha256").update(bytes).digest("hex") : randomBytes(32).toString("hex"),
    scanStatus: "NOT_SCANNED",
  };
}

let ecpReady = false;
/** ЭЦП checks: a temporary store for the signed bytes, the standing test CAs trusted. */
function readyForEcp() {
  if (ecpReady) return;
  ecpReady = true;
  setStorageForTests(new LocalObjectStore(mkdtempSync(join(tmpdir(), "matrix-ecp-"))));
  setEcpVerifyOptionsForTests({
    trustedCertificates: [standingTestCa("RSA").pem, standingTestCa("GOST2015").pem],
    revocation: noRevocationCheck,
  });
}

/** A valid IIN of its own for each caller (IINs are unique per person). */
function iinOf(caller: Caller): string {
  for (let n = 1; ; n++) {
    const first = `9001013${String(caller.length * 97 + caller.charCodeAt(0) * 7 + n).padStart(4, "0")}`;
    const control = kzControlDigit(first);
    if (control !== null) return `${first}${control}`;
  }
}

/** A RESTRICTED member of A reaches HR documents only when HR is ticked for them. */
async function grantHr(w: ActorWorld, caller: Caller): Promise<void> {
  if (caller !== "restrictedWith") return;
  await db().membership.updateMany({
    where: { partnerId: w.a.partnerId, personId: w.people.restrictedWith.personId },
    data: { documentCategories: ["hr"] },
  });
}

const STAFF_CALLERS: readonly Caller[] = ["staffManager", "staffAssigned", "staffUnassigned", "staffOtherCompany"];

/** A document of A with one version: the Partner's draft, or one that went between A and company X. */
async function documentOfA(
  w: ActorWorld,
  shape: { direction: "INTERNAL" | "TO_OUTSOURCER" | "FROM_OUTSOURCER"; by?: string },
): Promise<string> {
  const file = storedFile();
  const sent = shape.direction !== "INTERNAL";
  const document = await db().document.create({
    data: {
      partnerId: w.a.partnerId,
      category: "hr",
      title: "Трудовой договор",
      direction: shape.direction,
      status: sent ? "SENT" : "DRAFT",
      createdById: shape.by ?? w.a.personId,
      companyId: sent ? w.companies.x.id : null,
      sentById: sent ? (shape.by ?? w.a.personId) : null,
      sentAt: sent ? new Date() : null,
      versionCount: 1,
    },
  });
  const version = await db().documentVersion.create({
    data: {
      partnerId: w.a.partnerId,
      documentId: document.id,
      number: 1,
      storageKey: file.storageKey,
      originalName: file.originalName,
      mime: file.mime,
      size: BigInt(file.size),
      sha256: file.sha256,
      uploadedById: shape.by ?? w.a.personId,
    },
  });
  await db().document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
  return document.id;
}

/**
 * A document of A shared through both counterparties' grants (the live one and the expired one),
 * with the given rights on them; members see it too (HR, ticked for the RESTRICTED member who holds the right).
 */
async function sharedDocumentOfA(
  w: ActorWorld,
  caller: Caller,
  grant: { rights: string[]; allowDownload?: boolean } = { rights: ["view"] },
): Promise<string> {
  await grantHr(w, caller);
  const documentId = await documentOfA(w, { direction: "INTERNAL" });
  const grants = await db().shareGrant.findMany({
    where: {
      partnerId: w.a.partnerId,
      personId: { in: [w.people.counterparty.personId, w.people.expiredCounterparty.personId] },
    },
  });
  await db().shareGrant.updateMany({
    where: { id: { in: grants.map((g) => g.id) } },
    data: { rights: grant.rights, allowDownload: grant.allowDownload ?? false },
  });
  await db().shareGrantDocument.createMany({
    data: grants.map((g) => ({ partnerId: w.a.partnerId, grantId: g.id, documentId })),
  });
  return documentId;
}

/** Callers who act on a route step of their own in A: its members who see documents, staff who reach A, its counterparty. */
const STEP_CALLERS: readonly Caller[] = [
  "primary",
  "full",
  "restrictedWith",
  "staffManager",
  "staffAssigned",
  "counterparty",
];

/**
 * A live route of A with one step for the caller in their own place (a member's draft, a document A
 * sent to company X for staff, a document shared with the sign right for the counterparty); for
 * every other caller the step is the primary user's, which they must not reach.
 */
async function routeStepFor(w: ActorWorld, caller: Caller, purpose: "SIGNATURE" | "APPROVAL"): Promise<string> {
  const own = STEP_CALLERS.includes(caller);
  let documentId: string;
  let side = "member";
  let grantId: string | null = null;
  if (own && caller === "counterparty") {
    documentId = await sharedDocumentOfA(w, caller, { rights: ["view", "sign", "approve"] });
    side = "counterparty";
    grantId = (
      await db().shareGrant.findFirstOrThrow({
        where: { partnerId: w.a.partnerId, personId: w.people.counterparty.personId },
      })
    ).id;
  } else if (own && (caller === "staffManager" || caller === "staffAssigned")) {
    documentId = await documentOfA(w, { direction: "TO_OUTSOURCER" });
    side = "staff";
  } else {
    await grantHr(w, caller);
    documentId = await documentOfA(w, { direction: "INTERNAL" });
  }
  const document = await db().document.findUniqueOrThrow({
    where: { id: documentId },
    select: { title: true, currentVersion: { select: { id: true, sha256: true } } },
  });
  const route = await db().signatureRoute.create({
    data: {
      partnerId: w.a.partnerId,
      documentId,
      versionId: document.currentVersion!.id,
      sha256: document.currentVersion!.sha256,
      purpose,
      ordering: "SEQUENTIAL",
      deadline: new Date(Date.now() + 86_400_000),
      shortId: randomBytes(6).toString("hex"),
      documentTitle: document.title,
      partnerName: "ТОО «Матрица»",
      createdById: w.a.personId,
      steps: {
        create: {
          partnerId: w.a.partnerId,
          position: 1,
          personId: own ? w.personId(caller)! : w.a.personId,
          side,
          grantId,
        },
      },
    },
    select: { steps: { select: { id: true } } },
  });
  return route.steps[0]!.id;
}

const stepOf = (input: Input) => db().signatureRouteStep.findUniqueOrThrow({ where: { id: input.stepId as string } });

/** The newest SUCCESS audit row of an action by a caller. */
const lastSuccess = (w: ActorWorld, caller: Caller, action: string) =>
  db().auditEvent.findFirstOrThrow({
    where: { action, outcome: "SUCCESS", actorPersonId: w.personId(caller) },
    orderBy: { id: "desc" },
  });

const NO_RIGHTS = {
  requests: "none",
  documents: "none",
  sharing: "none",
  profile: "none",
  billing: "none",
  audit: "none",
};
const person = (w: ActorWorld, caller: Caller) => db().person.findUniqueOrThrow({ where: { id: w.personId(caller)! } });
const membershipOf = (w: ActorWorld, personId: string) =>
  db().membership.findFirstOrThrow({ where: { partnerId: w.a.partnerId, personId } });

/**
 * A Partner of its own for the status actions, so suspending it does not log A's members out
 * before the member callers run.
 */
async function partnerWithStatus(status: "DEMO" | "ACTIVE" | "SUSPENDED"): Promise<string> {
  const row = await db().partner.create({
    data: { type: "LEGAL_ENTITY", name: `ТОО Статус ${uniquePhone()}`, taxId: randomKzTaxId(), status },
  });
  return row.id;
}

const statusOf = async (input: Input) => db().partner.findUniqueOrThrow({ where: { id: input.partnerId as string } });

/** A tariff and a service of the catalogue for the billing actions (made once per database). */
async function catalogueRow(kind: "tariff" | "service"): Promise<string> {
  if (kind === "service") {
    const row = await db().additionalService.upsert({
      where: { slug: "matrix-consult" },
      update: {},
      create: {
        slug: "matrix-consult",
        ...catalogueTexts("Консультация"),
        price: 5_000,
        kind: "ONE_OFF",
        availableInDemo: true,
      },
    });
    return row.id;
  }
  const row = await db().tariff.upsert({
    where: { slug: "matrix-big" },
    update: {},
    create: {
      slug: "matrix-big",
      ...catalogueTexts("Большой"),
      maxUsers: 50,
      storageMb: 10_000,
      requestsPerMonth: 100,
      includedServices: ["accounting"],
      prices: { create: { amount: 50_000, effectiveFrom: new Date("2026-01-01T00:00:00Z") } },
    },
  });
  return row.id;
}

/** A request of A to company X, as the cabinet makes it (no due times needed here). */
async function requestOfA(w: ActorWorld, status: "NEW" | "RESOLVED" = "NEW"): Promise<string> {
  const at = new Date();
  const seq = Math.floor(Math.random() * 1_000_000_000);
  const row = await db().request.create({
    data: {
      partnerId: w.a.partnerId,
      companyId: w.companies.x.id,
      year: 9999,
      seq,
      number: `З-9999-${seq}`,
      category: "accounting",
      subject: "Ведомость за март",
      status,
      authorId: w.a.personId,
      resolutionTargetMs: 40n * 3_600_000n,
      clockStartedAt: at,
      lastMessageAt: at,
      createdAt: at,
    },
  });
  return row.id;
}

function catalogueTexts(name: string) {
  return { nameRu: name, nameKk: name, nameEn: name, descriptionRu: name, descriptionKk: "", descriptionEn: "" };
}

/** An issued invoice of A from its serving company X, made directly. */
async function invoiceOfA(w: ActorWorld): Promise<string> {
  const invoice = await db().$transaction((tx) =>
    issueInvoice(tx, {
      partnerId: w.a.partnerId,
      at: new Date(),
      lines: [{ title: "Консультация", unit: "усл.", quantity: 1, unitPriceTiyn: 500_000 }],
    }),
  );
  return invoice.id;
}

const invoiceStatus = async (input: Input) =>
  (await db().invoice.findUniqueOrThrow({ where: { id: String(input.invoiceId) } })).status;

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
    // Every caller is already registered; the path of a new number is in lib/registration.
    changed: async () => undefined,
  },
  "auth.logout": {
    input: () => ({}),
    changed: async (w, _input, caller) => {
      const open = await db().session.count({ where: { personId: w.personId(caller)!, revokedAt: null } });
      expect(open, `${caller} still has an open session`).toBe(0);
    },
  },
  "auth.revokeSession": {
    // Each caller aims at another session of Partner A's primary user (a second device): only that user may end it.
    input: async (w) => ({ sessionId: await secondSession(w.a.personId, w.a.phone) }),
    expect: (caller) => (caller === "primary" ? "allowed" : "not_found"),
    changed: async (_w, input) =>
      expect(
        (await db().session.findUniqueOrThrow({ where: { id: String(input.sessionId) } })).revokedAt,
      ).not.toBeNull(),
  },
  "auth.revokeOtherSessions": {
    input: () => ({}),
    skip: ["primary"],
    changed: async (w, _input, caller) => {
      const row = await db().auditEvent.findFirstOrThrow({
        where: { action: "auth.other_sessions_revoked", actorPersonId: w.personId(caller)!, outcome: "SUCCESS" },
      });
      expect(row.details).toMatchObject({ revoked: 0 });
    },
  },
  "person.updatePersonalData": {
    input: (_w, caller) => ({ name: `Новое Имя ${caller}`, email: "new@example.kz" }),
    changed: async (w, input, caller) => expect((await person(w, caller)).name).toBe(input.name),
  },
  "person.setLocale": {
    input: () => ({ locale: "kk" }),
    changed: async (w, _input, caller) => expect((await person(w, caller)).locale).toBe("kk"),
  },
  "place.switch": {
    input: (w) => ({ kind: "CABINET", partnerId: w.a.partnerId }),
    expect: (caller) => (MEMBERS_OF_A.includes(caller) ? "allowed" : "not_found"),
    changed: async (w, _input, caller) => {
      const session = await db().session.findFirstOrThrow({
        where: { personId: w.personId(caller)!, revokedAt: null },
        orderBy: { lastSeenAt: "desc" },
      });
      expect(session).toMatchObject({ activePlace: "CABINET", activePartnerId: w.a.partnerId });
    },
  },
  "auth.requestStepUpCode": {
    input: () => ({}),
    changed: async (w, _input, caller) => {
      const phone = w.people[caller as Exclude<Caller, "anonymous">].phone;
      expect(await db().otpCode.count({ where: { phone, purpose: "CONFIRM" } })).toBeGreaterThan(0);
    },
  },
  "partner.updateProfile": {
    // Each caller keeps the BIN of the Partner it acts in: a BIN belongs to one Partner.
    input: async (w, caller) => ({
      name: "ТОО «Переименованное»",
      taxId: (
        await db().partner.findUniqueOrThrow({
          where: { id: caller === "otherPartner" ? w.b.partnerId : w.a.partnerId },
        })
      ).taxId,
      iban: "KZ86125KZT5004100100",
      bik: "CASPKZKA",
    }),
    restrictedRights: { profile: "edit" },
    changed: async (w) =>
      expect(await db().partner.findUniqueOrThrow({ where: { id: w.a.partnerId } })).toMatchObject({
        name: "ТОО «Переименованное»",
        iban: "KZ86125KZT5004100100",
      }),
  },
  "members.invite": {
    input: async (w, caller) => ({
      phone: uniquePhone(),
      name: "Новый сотрудник",
      role: "RESTRICTED",
      rights: { ...NO_RIGHTS, profile: "view" },
      code: await stepUpCode(w, caller),
    }),
    changed: async (w, input) =>
      expect(
        await db().invitation.findFirstOrThrow({ where: { partnerId: w.a.partnerId, phone: String(input.phone) } }),
      ).toMatchObject({ status: "PENDING", role: "RESTRICTED" }),
  },
  "members.resendInvitation": {
    input: async (w) => ({ invitationId: await invitation(w, uniquePhone()) }),
    changed: async (_w, input) =>
      expect((await db().invitation.findUniqueOrThrow({ where: { id: String(input.invitationId) } })).sendCount).toBe(
        2,
      ),
  },
  "members.cancelInvitation": {
    input: async (w) => ({ invitationId: await invitation(w, uniquePhone()) }),
    changed: async (_w, input) =>
      expect((await db().invitation.findUniqueOrThrow({ where: { id: String(input.invitationId) } })).status).toBe(
        "CANCELLED",
      ),
  },
  "members.changeRights": {
    input: async (w, caller) => ({
      membershipId: (await membershipOf(w, w.people.restrictedWithout.personId)).id,
      role: "FULL",
      code: await stepUpCode(w, caller),
    }),
    changed: async (w) => expect((await membershipOf(w, w.people.restrictedWithout.personId)).role).toBe("FULL"),
  },
  "members.revoke": {
    // Revoking FULL ends that member's sessions; FULL's own try comes before the primary's.
    input: async (w) => ({ membershipId: (await membershipOf(w, w.people.full.personId)).id }),
    changed: async (w) => expect((await membershipOf(w, w.people.full.personId)).status).toBe("REVOKED"),
  },
  "registration.joinByInvitation": {
    // Every caller here already has a person record, so each is refused; the invited new number's
    // path is covered in lib/registration/join-by-invitation.int.test.ts.
    input: async (w) => ({
      invitationId: await invitation(w, w.people.noRole.phone),
      name: "Новый Сотрудник",
      email: "new@example.kz",
      accept: true,
      adult: true,
    }),
    changed: async () => undefined,
  },
  "members.acceptInvitation": {
    // The invitation is for the phone of the person with no role: only that person may accept it.
    input: async (w) => ({ invitationId: await invitation(w, w.people.noRole.phone) }),
    expect: (caller) => (caller === "noRole" ? "allowed" : "not_found"),
    changed: async (w) => expect((await membershipOf(w, w.people.noRole.personId)).status).toBe("ACTIVE"),
  },
  "desk.assignStaff": {
    // Each allowed caller assigns for another responsibility, so no try collides with an earlier one.
    input: (w, caller) => ({
      partnerId: w.a.partnerId,
      staffMemberId: w.staff.staffUnassigned.staffMemberId,
      responsibility: caller === "operatorAdmin" ? "GENERAL" : "LEGAL",
    }),
    changed: async (w, input, caller) =>
      expect(
        await db().staffAssignment.findFirstOrThrow({
          where: {
            partnerId: w.a.partnerId,
            staffMemberId: w.staff.staffUnassigned.staffMemberId,
            responsibility: input.responsibility as "LEGAL",
          },
        }),
      ).toMatchObject({ createdById: w.personId(caller) }),
  },
  "desk.unassignStaff": {
    // A fresh staff member of the serving company, assigned to A, for each caller.
    input: async (w) => {
      const phone = uniquePhone();
      const staffMember = await db().staffMember.create({
        data: {
          company: { connect: { id: w.companies.x.id } },
          role: "ACCOUNTANT",
          person: { create: { phone, name: "Бухгалтер" } },
        },
      });
      const assignment = await db().staffAssignment.create({
        data: { partnerId: w.a.partnerId, staffMemberId: staffMember.id, responsibility: "ACCOUNTING" },
      });
      return { assignmentId: assignment.id };
    },
    changed: async (_w, input) =>
      expect(await db().staffAssignment.count({ where: { id: String(input.assignmentId) } })).toBe(0),
  },
  "admin.addStaffMember": {
    input: (w) => ({ companyId: w.companies.x.id, phone: uniquePhone(), name: "Новый Бухгалтер", role: "ACCOUNTANT" }),
    changed: async (w, input) => {
      expect(
        await db().staffMember.findFirstOrThrow({
          where: { companyId: w.companies.x.id, person: { phone: String(input.phone) } },
        }),
      ).toMatchObject({ role: "ACCOUNTANT" });
      // The invitation SMS waits in the job queue, enqueued by the same transaction.
      const [job] = await db().$queryRaw<{ data: { to: string; text: string } }[]>`
        SELECT data FROM pgboss.job WHERE name = 'sms.send' AND data->>'to' = ${String(input.phone)}`;
      expect(job?.data.text).toContain("Аутсорсинг X");
    },
  },
  "admin.setServingCompany": {
    // Moves A to company Y; the case runs last for the operator, after the desk callers.
    input: (w) => ({ partnerId: w.a.partnerId, companyId: w.companies.y.id }),
    changed: async (w) =>
      expect((await db().partner.findUniqueOrThrow({ where: { id: w.a.partnerId } })).outsourcingCompanyId).toBe(
        w.companies.y.id,
      ),
  },
  "admin.activatePartner": {
    input: async () => ({
      partnerId: await partnerWithStatus("DEMO"),
      contractNumber: "ДУ-2026/15",
      contractDate: "2026-11-30",
    }),
    changed: async (_w, input) => {
      const partner = await statusOf(input);
      expect([partner.status, partner.contractNumber]).toEqual(["ACTIVE", "ДУ-2026/15"]);
    },
  },
  "admin.suspendPartner": {
    input: async () => ({ partnerId: await partnerWithStatus("ACTIVE"), status: "SUSPENDED", reason: "Неоплата" }),
    changed: async (_w, input) => {
      const partner = await statusOf(input);
      expect([partner.status, partner.statusReason]).toEqual(["SUSPENDED", "Неоплата"]);
      expect(await db().partnerStatusChange.count({ where: { partnerId: partner.id, toStatus: "SUSPENDED" } })).toBe(1);
    },
  },
  "admin.restorePartner": {
    input: async () => ({ partnerId: await partnerWithStatus("SUSPENDED") }),
    changed: async (_w, input) => expect((await statusOf(input)).status).toBe("DEMO"),
  },
  "admin.liftPhoneLock": {
    input: async () => {
      const phone = uniquePhone();
      await db().phoneGuard.create({
        data: { phone, failedCount: 3, lockedUntil: new Date(Date.now() + 600_000) },
      });
      return { phone };
    },
    changed: async (_w, input) => {
      const guard = await db().phoneGuard.findUniqueOrThrow({ where: { phone: input.phone as string } });
      expect([guard.lockedUntil, guard.failedCount]).toEqual([null, 0]);
    },
  },
  "documents.upload": {
    restrictedRights: { documents: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return { partnerId: w.a.partnerId, category: "hr", title: "Приказ о приёме", files: [storedFile()] };
    },
    changed: async (w, input, caller) => {
      const [file] = input.files as ReturnType<typeof storedFile>[];
      const version = await db().documentVersion.findUniqueOrThrow({
        where: { storageKey: file!.storageKey },
        include: { document: true },
      });
      const staff = STAFF_CALLERS.includes(caller);
      expect([version.partnerId, version.document.title, version.document.direction, version.document.status]).toEqual([
        w.a.partnerId,
        "Приказ о приёме",
        staff ? "FROM_OUTSOURCER" : "INTERNAL",
        staff ? "SENT" : "DRAFT",
      ]);
      expect(version.document.currentVersionId).toBe(version.id);
    },
  },
  "documents.addVersion": {
    restrictedRights: { documents: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      const staff = STAFF_CALLERS.includes(caller);
      const documentId = await documentOfA(w, {
        direction: staff ? "FROM_OUTSOURCER" : "INTERNAL",
        by: staff ? w.staff.staffManager.personId : undefined,
      });
      return { documentId, file: storedFile() };
    },
    changed: async (_w, input) => {
      const document = await db().document.findUniqueOrThrow({
        where: { id: input.documentId as string },
        include: { currentVersion: true },
      });
      expect([document.versionCount, document.currentVersion?.number, document.currentVersion?.sha256]).toEqual([
        2,
        2,
        (input.file as { sha256: string }).sha256,
      ]);
    },
  },
  "documents.send": {
    restrictedRights: { documents: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return { documentId: await documentOfA(w, { direction: "INTERNAL" }) };
    },
    changed: async (w, input, caller) => {
      const document = await db().document.findUniqueOrThrow({ where: { id: input.documentId as string } });
      expect([document.status, document.direction, document.companyId, document.sentById]).toEqual([
        "SENT",
        "TO_OUTSOURCER",
        w.companies.x.id,
        w.personId(caller),
      ]);
    },
  },
  "documents.archive": {
    restrictedRights: { documents: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return { documentId: await documentOfA(w, { direction: "INTERNAL" }) };
    },
    changed: async (_w, input) =>
      expect((await db().document.findUniqueOrThrow({ where: { id: input.documentId as string } })).status).toBe(
        "ARCHIVED",
      ),
  },
  "documents.view": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return { documentId: await documentOfA(w, { direction: "TO_OUTSOURCER" }) };
    },
    // Staff are the side the document was sent to: their first opening is a read receipt.
    changed: async (w, input, caller) =>
      expect(
        await db().documentReceipt.count({
          where: { documentId: input.documentId as string, personId: w.personId(caller)! },
        }),
      ).toBe(STAFF_CALLERS.includes(caller) ? 1 : 0),
  },
  "documents.download": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return { documentId: await documentOfA(w, { direction: "FROM_OUTSOURCER", by: w.staff.staffManager.personId }) };
    },
    // Members are the side a document from the outsourcer was sent to.
    changed: async (w, input, caller) =>
      expect(
        await db().documentReceipt.count({
          where: { documentId: input.documentId as string, personId: w.personId(caller)! },
        }),
      ).toBe(STAFF_CALLERS.includes(caller) ? 0 : 1),
  },
  "documents.refuseUpload": {
    restrictedRights: { documents: "edit" },
    input: (w) => ({ reason: "type_not_allowed", fileName: "счёт.exe", size: 1200, partnerId: w.a.partnerId }),
    changed: async (w, _input, caller) => {
      const row = await db().auditEvent.findFirstOrThrow({
        where: { action: "document.upload_refused", outcome: "SUCCESS", actorPersonId: w.personId(caller) },
        orderBy: { id: "desc" },
      });
      expect([row.partnerId, (row.details as { reason: string }).reason]).toEqual([w.a.partnerId, "type_not_allowed"]);
    },
  },
  "admin.blockPerson": {
    input: async () => {
      const p = await db().person.create({ data: { phone: uniquePhone(), name: "Подозрительный" } });
      return { personId: p.id, reason: "Массовые скачивания" };
    },
    changed: async (_w, input) =>
      expect(await db().personBlock.findUniqueOrThrow({ where: { personId: String(input.personId) } })).toMatchObject({
        reason: "Массовые скачивания",
      }),
  },
  "admin.unblockPerson": {
    input: async (w) => {
      const p = await db().person.create({ data: { phone: uniquePhone(), name: "Заблокированный" } });
      await db().personBlock.create({
        data: { personId: p.id, reason: "Проверка", blockedById: w.a.personId, createdAt: new Date() },
      });
      return { personId: p.id };
    },
    changed: async (_w, input) =>
      expect(await db().personBlock.count({ where: { personId: String(input.personId) } })).toBe(0),
  },
  "admin.reviewFinding": {
    input: async () => {
      const at = new Date();
      const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(4).toString("hex")}`;
      const finding = await db().suspiciousActivity.create({
        data: {
          rule: "code_requests_ip",
          subjectType: "ip",
          subjectKey: ip,
          firstSeenAt: at,
          lastSeenAt: at,
          count: 25,
          openKey: `code_requests_ip:${ip}`,
          createdAt: at,
        },
      });
      return { findingId: finding.id };
    },
    changed: async (_w, input) =>
      expect(await db().suspiciousActivity.findUniqueOrThrow({ where: { id: String(input.findingId) } })).toMatchObject(
        { status: "REVIEWED", openKey: null },
      ),
  },
  "maintenance.schedule": {
    // Each caller plans its own slot, far enough apart never to overlap another case's window.
    input: () => maintenanceSlot(),
    changed: async (_w, input) =>
      expect(
        await db().maintenanceWindow.count({ where: { cancelledAt: null, messageRu: String(input.messageRu) } }),
      ).toBe(1),
  },
  "maintenance.cancel": {
    input: async (w) => {
      const slot = maintenanceSlot();
      const row = await db().maintenanceWindow.create({
        data: {
          // Thirty days ahead: apart from the windows the schedule case plans.
          announceFrom: new Date(Date.now() + 29 * 86_400_000),
          startsAt: new Date(Date.now() + 30 * 86_400_000 + maintenanceSlots * 3_600_000),
          endsAt: new Date(Date.now() + 30 * 86_400_000 + (maintenanceSlots + 1) * 3_600_000),
          messageRu: slot.messageRu,
          createdById: w.people.operatorAdmin.personId,
        },
      });
      return { windowId: row.id };
    },
    changed: async (_w, input) =>
      expect(
        (await db().maintenanceWindow.findUniqueOrThrow({ where: { id: String(input.windowId) } })).cancelledAt,
      ).not.toBeNull(),
  },
  "admin.saveCalendarDay": {
    // A fresh Saturday each call (years far ahead), made a working day.
    input: () => ({
      date: freeSaturday(),
      kind: "WORKING_DAY",
      nameRu: "Рабочая суббота",
      nameKk: "Жұмыс сенбісі",
      nameEn: "Working Saturday",
      note: "Приказ МТСЗН",
    }),
    changed: async (_w, input) =>
      expect(
        await db().calendarDay.findUniqueOrThrow({ where: { date: new Date(`${String(input.date)}T00:00:00Z`) } }),
      ).toMatchObject({ kind: "WORKING_DAY", nameRu: "Рабочая суббота", note: "Приказ МТСЗН" }),
  },
  "admin.removeCalendarDay": {
    input: async () => {
      const date = freeSaturday();
      await db().calendarDay.create({
        data: { date: new Date(`${date}T00:00:00Z`), kind: "WORKING_DAY", nameRu: "Рабочая суббота" },
      });
      return { date };
    },
    changed: async (_w, input) =>
      expect(await db().calendarDay.count({ where: { date: new Date(`${String(input.date)}T00:00:00Z`) } })).toBe(0),
  },
  "admin.setWorkingHours": {
    input: (w) => ({ companyId: w.companies.x.id, start: "08:30", end: "17:30" }),
    changed: async (w) =>
      expect(
        await db().outsourcingCompany.findUniqueOrThrow({
          where: { id: w.companies.x.id },
          select: { workdayStartMinute: true, workdayEndMinute: true },
        }),
      ).toEqual({ workdayStartMinute: 510, workdayEndMinute: 1050 }),
  },
  "demo.create": {
    // Anyone may start a demo cabinet: each caller gets a new one, made of four stored sample files.
    input: () => ({
      partnerId: randomUUID(),
      files: Array.from({ length: 4 }, () => {
        const file = storedFile();
        return { storageKey: file.storageKey, size: file.size, sha256: file.sha256 };
      }),
    }),
    changed: async (_w, input) => {
      const partner = await db().partner.findUniqueOrThrow({ where: { id: input.partnerId as string } });
      expect([partner.status, partner.demoExpiresAt !== null]).toEqual(["DEMO", true]);
      expect(await db().document.count({ where: { partnerId: partner.id, sample: true } })).toBe(4);
    },
  },
  "demo.requestConversionCode": {
    // Only the primary user of a demo cabinet: A becomes one for its primary's call; B stays registered.
    input: async (w, caller) => {
      if (caller === "primary") await makeDemoOfA(w);
      return { phone: uniquePhone() };
    },
    changed: async (_w, input) =>
      expect(await db().otpCode.count({ where: { phone: String(input.phone), purpose: "CONFIRM" } })).toBe(1),
  },
  "demo.convert": {
    // Only the primary user of a demo cabinet, with a code sent to the new number; everyone else: not found.
    input: async (w, caller) => {
      const phone = uniquePhone();
      let code = "000000";
      if (caller === "primary") {
        await makeDemoOfA(w);
        const sent = await requestConversionCode.run({ phone }, await contextFor(w.a.token));
        if (!sent.ok) throw new Error(`conversion code refused: ${JSON.stringify(sent.error)}`);
        code = await lastCode(phone);
      }
      return {
        name: "Айгерим Сапарова",
        email: "aigerim@example.kz",
        partnerType: "LEGAL_ENTITY",
        partnerName: "ТОО «Настоящая компания»",
        taxId: randomKzTaxId(),
        accept: true,
        adult: true,
        phone,
        code,
      };
    },
    changed: async (w, input) => {
      const partner = await db().partner.findUniqueOrThrow({ where: { id: w.a.partnerId } });
      expect([partner.status, partner.demoExpiresAt, partner.taxId]).toEqual(["DEMO", null, input.taxId]);
      expect((await db().person.findUniqueOrThrow({ where: { id: w.a.personId } })).phone).toBe(input.phone);
    },
  },
  "notifications.markRead": {
    // Each caller marks one notification of their own and one of A's primary user: only their own is read after.
    input: async (w, caller) => {
      const own = w.personId(caller);
      const make = (personId: string) =>
        db().notification.create({ data: { personId, kind: "request.created", params: {}, link: "/cabinet" } });
      const theirs = await make(w.a.personId);
      return { ids: own ? [(await make(own)).id, theirs.id] : [theirs.id] };
    },
    changed: async (_w, input, caller) => {
      const [own, theirs] = (input.ids as string[]).map((id) => db().notification.findUniqueOrThrow({ where: { id } }));
      expect((await own!).readAt).not.toBeNull();
      if (caller !== "primary") expect((await theirs!).readAt).toBeNull();
    },
  },
  "notifications.setPreference": {
    input: () => ({ kind: "document.received", channel: "EMAIL", enabled: false }),
    changed: async (w, _input, caller) =>
      expect(
        (
          await db().notificationPreference.findUniqueOrThrow({
            where: {
              personId_kind_channel: { personId: w.personId(caller)!, kind: "document.received", channel: "EMAIL" },
            },
          })
        ).enabled,
      ).toBe(false),
  },
  "sharing.create": {
    restrictedRights: { sharing: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return {
        documentIds: [await documentOfA(w, { direction: "INTERNAL" })],
        phone: uniquePhone(),
        name: "Контрагент Новый",
        organisationName: "ТОО «Контрагент»",
        organisationBin: randomKzTaxId(),
        rights: ["view", "comment"],
      };
    },
    changed: async (_w, input) => {
      const grant = await db().shareGrant.findFirstOrThrow({
        where: { person: { phone: input.phone as string } },
        include: { documents: true },
      });
      expect(grant.documents.map((d) => d.documentId)).toEqual(input.documentIds);
    },
  },
  "sharing.revoke": {
    restrictedRights: { sharing: "edit" },
    input: async (w) => {
      const documentId = await documentOfA(w, { direction: "INTERNAL" });
      const p = await db().person.create({ data: { phone: uniquePhone(), name: "Контрагент" } });
      const grant = await db().shareGrant.create({
        data: {
          partnerId: w.a.partnerId,
          personId: p.id,
          createdById: w.a.personId,
          expiresAt: new Date(Date.now() + 86_400_000),
          rights: ["view"],
          documents: { create: { partnerId: w.a.partnerId, documentId } },
        },
      });
      return { shareId: grant.id };
    },
    changed: async (_w, input) =>
      expect(
        (await db().shareGrant.findUniqueOrThrow({ where: { id: input.shareId as string } })).revokedAt,
      ).not.toBeNull(),
  },
  "sharing.comment": {
    restrictedRights: { sharing: "view" },
    input: async (w, caller) => ({
      documentId: await sharedDocumentOfA(w, caller, { rights: ["view", "comment"] }),
      body: "Поправьте пункт 3",
    }),
    changed: async (w, input, caller) =>
      expect(
        await db().shareComment.count({
          where: { documentId: input.documentId as string, authorId: w.personId(caller)! },
        }),
      ).toBe(1),
  },
  "sharing.approve": {
    input: async (w, caller) => ({
      documentId: await sharedDocumentOfA(w, caller, { rights: ["view", "approve"] }),
    }),
    changed: async (_w, input) =>
      expect(
        (await db().shareDecision.findFirstOrThrow({ where: { documentId: input.documentId as string } })).decision,
      ).toBe("APPROVED"),
  },
  "sharing.reject": {
    input: async (w, caller) => ({
      documentId: await sharedDocumentOfA(w, caller, { rights: ["view", "approve"] }),
      reason: "Не согласны с ценой",
    }),
    changed: async (_w, input) =>
      expect(
        (await db().shareDecision.findFirstOrThrow({ where: { documentId: input.documentId as string } })).reason,
      ).toBe("Не согласны с ценой"),
  },
  "sharing.view_file": {
    input: async (w, caller) => ({ documentId: await sharedDocumentOfA(w, caller) }),
    // The opening is recorded in A's chain, not the counterparty's own.
    changed: async (w, input, caller) => {
      const row = await lastSuccess(w, caller, "document.viewed");
      expect([row.partnerId, row.targetId]).toEqual([w.a.partnerId, input.documentId]);
    },
  },
  "sharing.download_file": {
    input: async (w, caller) => ({
      documentId: await sharedDocumentOfA(w, caller, { rights: ["view"], allowDownload: true }),
    }),
    changed: async (w, input, caller) => {
      const row = await lastSuccess(w, caller, "document.downloaded");
      expect([row.partnerId, row.targetId]).toEqual([w.a.partnerId, input.documentId]);
    },
  },
  "signatures.createRoute": {
    restrictedRights: { documents: "edit" },
    input: async (w, caller) => {
      await grantHr(w, caller);
      return {
        documentId: await documentOfA(w, { direction: "INTERNAL" }),
        purpose: "SIGNATURE",
        ordering: "SEQUENTIAL",
        signers: [{ kind: "member", personId: w.a.personId }],
      };
    },
    changed: async (_w, input) =>
      expect(
        (await db().signatureRoute.findFirstOrThrow({ where: { documentId: input.documentId as string } })).status,
      ).toBe("ACTIVE"),
  },
  "signatures.requestCode": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => ({ stepId: await routeStepFor(w, caller, "SIGNATURE") }),
    changed: async (_w, input) => expect((await stepOf(input)).codeId).not.toBeNull(),
  },
  "signatures.sign": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => {
      const stepId = await routeStepFor(w, caller, "SIGNATURE");
      if (!STEP_CALLERS.includes(caller)) return { stepId, code: "000000" };
      const sent = await requestSignCode.run({ stepId }, await contextFor(w.token(caller)));
      if (!sent.ok) throw new Error(`signing code refused: ${JSON.stringify(sent.error)}`);
      return { stepId, code: await lastCode(w.people[caller as Exclude<Caller, "anonymous">].phone) };
    },
    changed: async (w, input, caller) => {
      const signature = await db().signature.findUniqueOrThrow({ where: { stepId: input.stepId as string } });
      expect([signature.personId, signature.method]).toEqual([w.personId(caller), "SMS"]);
    },
  },
  "signatures.signEcp": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => {
      readyForEcp();
      const bytes = Buffer.from(`%PDF-1.4 matrix ${caller} ${randomUUID()}`);
      nextFileBytes = bytes;
      const stepId = await routeStepFor(w, caller, "SIGNATURE").finally(() => {
        nextFileBytes = null;
      });
      const step = await db().signatureRouteStep.findUniqueOrThrow({
        where: { id: stepId },
        select: { route: { select: { versionId: true } } },
      });
      const version = await db().documentVersion.findUniqueOrThrow({ where: { id: step.route.versionId } });
      await getStorage().put(version.storageKey, Readable.from([bytes]), { size: bytes.length });
      const iin = iinOf(caller);
      return { stepId, iin, cms: signCmsForTest({ data: bytes, algorithm: "RSA", iin }).cms };
    },
    changed: async (w, input, caller) => {
      const signature = await db().signature.findUniqueOrThrow({ where: { stepId: input.stepId as string } });
      expect([signature.personId, signature.method, signature.iin]).toEqual([w.personId(caller), "ECP", input.iin]);
    },
  },
  "signatures.approve": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => ({ stepId: await routeStepFor(w, caller, "APPROVAL") }),
    changed: async (_w, input) => expect((await stepOf(input)).status).toBe("APPROVED"),
  },
  "signatures.decline": {
    restrictedRights: { documents: "view" },
    input: async (w, caller) => ({ stepId: await routeStepFor(w, caller, "SIGNATURE"), reason: "Не та редакция" }),
    changed: async (_w, input) =>
      expect([(await stepOf(input)).status, (await stepOf(input)).reason]).toEqual(["DECLINED", "Не та редакция"]),
  },
  "billing.changeTariff": {
    input: async (w) => {
      await catalogueRow("tariff");
      await db().partner.update({ where: { id: w.a.partnerId }, data: { status: "ACTIVE" } });
      return { tariffSlug: "matrix-big" };
    },
    changed: async (w) => {
      const change = await db().tariffChange.findFirstOrThrow({
        where: { partnerId: w.a.partnerId },
        include: { toTariff: true },
      });
      expect(change.toTariff.slug).toBe("matrix-big");
    },
  },
  "billing.orderService": {
    restrictedRights: { billing: "edit" },
    input: async () => {
      await catalogueRow("service");
      return { serviceSlug: "matrix-consult" };
    },
    changed: async (w, _input, caller) => {
      const order = await db().serviceOrder.findFirstOrThrow({
        where: { partnerId: w.a.partnerId, orderedById: w.personId(caller)! },
        include: { invoice: true },
      });
      expect([order.invoice.companyId, order.invoice.totalTiyn]).toEqual([w.companies.x.id, 500_000]);
    },
  },
  "billing.markInvoicePaid": {
    input: async (w) => ({ invoiceId: await invoiceOfA(w) }),
    changed: async (_w, input) => expect(await invoiceStatus(input)).toBe("PAID"),
  },
  "billing.cancelInvoice": {
    input: async (w) => ({ invoiceId: await invoiceOfA(w), reason: "Выставлен по ошибке" }),
    changed: async (_w, input) => expect(await invoiceStatus(input)).toBe("CANCELLED"),
  },
  "tariffs.update": {
    input: async () => ({
      tariffId: await catalogueRow("tariff"),
      ...catalogueTexts("Большой+"),
      descriptionRu: "Новое описание",
      maxUsers: 60,
      storageMb: 20_000,
      requestsPerMonth: 200,
      includedServices: ["accounting", "legal_help"],
      active: true,
      sortOrder: 5,
    }),
    changed: async (_w, input) => {
      const row = await db().tariff.findUniqueOrThrow({ where: { id: String(input.tariffId) } });
      expect([row.nameRu, row.maxUsers, row.includedServices]).toEqual(["Большой+", 60, ["accounting", "legal_help"]]);
    },
  },
  "tariffs.addPrice": {
    input: async () => ({
      tariffId: await catalogueRow("tariff"),
      amount: 70_000,
      effectiveFrom: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    changed: async (_w, input) =>
      expect(await db().tariffPrice.count({ where: { tariffId: String(input.tariffId), amount: 70_000 } })).toBe(1),
  },
  "tariffs.updateService": {
    input: async () => ({
      serviceId: await catalogueRow("service"),
      ...catalogueTexts("Консультация"),
      price: 6_000,
      availableInDemo: true,
      active: true,
      sortOrder: 1,
    }),
    changed: async (_w, input) =>
      expect((await db().additionalService.findUniqueOrThrow({ where: { id: String(input.serviceId) } })).price).toBe(
        6_000,
      ),
  },
  "requests.create": {
    restrictedRights: { requests: "edit" },
    input: (_w, caller) => ({ category: "accounting", subject: `Вопрос ${caller} ${uniquePhone()}`, text: "Текст" }),
    changed: async (w, input) => {
      const row = await db().request.findFirstOrThrow({
        where: { subject: input.subject as string },
        include: { messages: true },
      });
      expect([row.partnerId, row.status, row.messages.length]).toEqual([w.a.partnerId, "NEW", 1]);
    },
  },
  "requests.postMessage": {
    restrictedRights: { requests: "edit" },
    input: async (w) => ({ requestId: await requestOfA(w), text: "Ответ в обращении" }),
    changed: async (w, input, caller) => {
      const messages = await db().requestMessage.findMany({ where: { requestId: input.requestId as string } });
      expect(messages.map((m) => [m.authorId, m.side])).toEqual([
        [w.personId(caller), STAFF_CALLERS.includes(caller) ? "OUTSOURCER" : "PARTNER"],
      ]);
    },
  },
  "requests.setStatus": {
    input: async (w) => ({ requestId: await requestOfA(w), status: "IN_PROGRESS" }),
    changed: async (_w, input) =>
      expect((await db().request.findUniqueOrThrow({ where: { id: input.requestId as string } })).status).toBe(
        "IN_PROGRESS",
      ),
  },
  "requests.assign": {
    input: async (w) => ({ requestIds: [await requestOfA(w)], staffMemberId: w.staff.staffAssigned.staffMemberId }),
    changed: async (w, input) =>
      expect(
        (await db().request.findUniqueOrThrow({ where: { id: (input.requestIds as string[])[0] } })).assigneeId,
      ).toBe(w.staff.staffAssigned.staffMemberId),
  },
  "requests.addNote": {
    input: async (w) => ({ requestId: await requestOfA(w), text: "Внутренняя заметка" }),
    changed: async (w, input, caller) =>
      expect(
        (await db().requestNote.findMany({ where: { requestId: input.requestId as string } })).map((n) => n.authorId),
      ).toEqual([w.personId(caller)]),
  },
  "requests.markRead": {
    restrictedRights: { requests: "view" },
    input: async (w) => ({ requestId: await requestOfA(w) }),
    changed: async (w, input, caller) =>
      expect(
        await db().requestRead.count({
          where: { requestId: input.requestId as string, personId: w.personId(caller)! },
        }),
      ).toBe(1),
  },
};

let maintenanceSlots = 0;
/** A maintenance window of its own: a day ahead, one hour per call, never overlapping another. */
function maintenanceSlot() {
  maintenanceSlots += 2;
  const wall = (ms: number) => {
    // Almaty wall time (UTC+5) as the form sends it.
    const d = new Date(ms + 5 * 3_600_000);
    return d.toISOString().slice(0, 16);
  };
  const start = Math.ceil(Date.now() / 60_000) * 60_000 + 86_400_000 + maintenanceSlots * 3_600_000;
  return {
    announceFrom: wall(start - 3_600_000),
    startsAt: wall(start),
    endsAt: wall(start + 3_600_000),
    messageRu: `Работы ${maintenanceSlots}`,
  };
}
