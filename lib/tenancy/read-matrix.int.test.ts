import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { issueInvoice } from "@/lib/billing/invoices";
import { seedCatalogue } from "@/lib/db/seed-catalogue";
import { isValidAccess } from "@/lib/permissions/catalog";
import { CALLERS, actorWorld, expected, type ActorWorld, type Caller } from "@/lib/testing/actors";
import { contextFor, meta, startIntegrationDatabase } from "@/lib/testing/integration";
import type { Loader } from "./loader";
import { LOADERS } from "./loader-registry";
import { loadPlaces } from "./places";

/**
 * Every declared read × every kind of caller, aimed at Partner A: refused as "not found" (a refusal
 * of the actor's kind or right is audited), or allowed and then seeing exactly what the caller's
 * scope holds: A for those who reach it, their own Partner for another Partner's member, nothing of A
 * for staff who do not reach it.
 */

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let w: ActorWorld;
/** A document A sent to its outsourcing company X: seen by A's members with documents rights and X's staff who reach A. */
let docA = "";
/** An invoice company X issued to A: seen by A's members with billing rights and by operators. */
let invoiceA = "";
beforeAll(async () => {
  env = await startIntegrationDatabase();
  w = await actorWorld({ profile: "view", audit: "view" });
  await seedCatalogue(env.prisma);
  await env.prisma.invitation.create({
    data: {
      partnerId: w.a.partnerId,
      phone: w.people.noRole.phone,
      name: "Приглашённый",
      role: "FULL",
      invitedById: w.a.personId,
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSentAt: new Date(),
    },
  });
});
beforeAll(async () => {
  const document = await env.prisma.document.create({
    data: {
      partnerId: w.a.partnerId,
      category: "contracts",
      title: "Договор поставки",
      direction: "TO_OUTSOURCER",
      status: "SENT",
      createdById: w.a.personId,
      companyId: w.companies.x.id,
      sentById: w.a.personId,
      sentAt: new Date(),
      versionCount: 1,
    },
  });
  const version = await env.prisma.documentVersion.create({
    data: {
      partnerId: w.a.partnerId,
      documentId: document.id,
      number: 1,
      storageKey: `documents/read-matrix/${document.id}`,
      originalName: "dogovor.pdf",
      mime: "application/pdf",
      size: 2048n,
      sha256: "a".repeat(64),
      uploadedById: w.a.personId,
    },
  });
  await env.prisma.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
  docA = document.id;
  await env.prisma.notification.create({
    data: {
      personId: w.a.personId,
      kind: "request.created",
      params: { number: "З-1", subject: "x" },
      link: "/cabinet",
    },
  });
  // Both counterparties' grants of A cover this document: the live one reaches it, the expired one not.
  const grants = await env.prisma.shareGrant.findMany({ where: { partnerId: w.a.partnerId } });
  await env.prisma.shareGrantDocument.createMany({
    data: grants.map((g) => ({ partnerId: w.a.partnerId, grantId: g.id, documentId: docA })),
  });
});
beforeAll(async () => {
  const invoice = await env.prisma.$transaction((tx) =>
    issueInvoice(tx, {
      partnerId: w.a.partnerId,
      at: new Date(),
      lines: [{ title: "Консультация", unit: "усл.", quantity: 1, unitPriceTiyn: 500_000 }],
    }),
  );
  invoiceA = invoice.id;
});
/** A completed signature route on docA, signed by A's primary user. */
const SHORT_ID = "matrixsig1";
let versionA = "";
let stepA = "";
let signatureA = "";
beforeAll(async () => {
  const document = await env.prisma.document.findUniqueOrThrow({ where: { id: docA } });
  versionA = document.currentVersionId!;
  const route = await env.prisma.signatureRoute.create({
    data: {
      partnerId: w.a.partnerId,
      documentId: docA,
      versionId: versionA,
      sha256: "a".repeat(64),
      purpose: "SIGNATURE",
      ordering: "SEQUENTIAL",
      deadline: new Date(Date.now() + 86_400_000),
      status: "COMPLETED",
      shortId: SHORT_ID,
      documentTitle: "Договор поставки",
      partnerName: "ТОО «А»",
      createdById: w.a.personId,
      steps: {
        create: { partnerId: w.a.partnerId, position: 1, personId: w.a.personId, side: "member", status: "SIGNED" },
      },
    },
    select: { id: true, steps: { select: { id: true } } },
  });
  stepA = route.steps[0]!.id;
  // An ЭЦП signature: its CMS is downloadable like the sheet.
  signatureA = (
    await env.prisma.signature.create({
      data: {
        partnerId: w.a.partnerId,
        routeId: route.id,
        stepId: stepA,
        documentId: docA,
        versionId: versionA,
        personId: w.a.personId,
        signerName: "Основной Пользователь",
        method: "ECP",
        iin: "900101300126",
        cms: "MIIBmatrix",
        sha256: "a".repeat(64),
        ip: "203.0.113.9",
      },
    })
  ).id;
});
/** A request of A to its outsourcing company X, open, with one message. */
let reqA = "";
beforeAll(async () => {
  const at = new Date();
  const request = await env.prisma.request.create({
    data: {
      partnerId: w.a.partnerId,
      companyId: w.companies.x.id,
      year: 2026,
      seq: 1,
      number: "З-2026-0001",
      category: "accounting",
      subject: "Ведомость за март",
      authorId: w.a.personId,
      resolutionTargetMs: 40n * 3_600_000n,
      clockStartedAt: at,
      dueAt: new Date(at.getTime() + 86_400_000),
      lastMessageAt: at,
      createdAt: at,
    },
  });
  await env.prisma.requestMessage.create({
    data: {
      partnerId: w.a.partnerId,
      requestId: request.id,
      authorId: w.a.personId,
      side: "PARTNER",
      text: "Подготовьте ведомость",
      sha256: "b".repeat(64),
      createdAt: at,
    },
  });
  reqA = request.id;
});
afterAll(async () => {
  await env.close();
});

interface ReadCase {
  input: (w: ActorWorld) => unknown;
  /** What an allowed caller must see (or not see) in the data. */
  sees: (w: ActorWorld, data: unknown, caller: Caller) => void | Promise<void>;
  /** Callers whose kind and right admit them but whose scope does not reach A: "not found" without a refusal row. */
  outOfScope?: Caller[];
  /** Callers whose kind and right admit them to a list that does not depend on reaching A. */
  listedFor?: Caller[];
}

const MEMBER_CALLERS: Caller[] = ["primary", "full", "restrictedWith", "restrictedWithout", "otherPartner"];
const ids = (data: unknown) => (data as { items: { id: string }[] }).items.map((i) => i.id);
const A_SEEN_BY = (w: ActorWorld, caller: Caller) => (caller === "otherPartner" ? w.b.partnerId : w.a.partnerId);

const CASES: Record<string, ReadCase> = {
  "partner.profile": {
    input: (w) => ({ partnerId: w.a.partnerId }),
    sees: (w, data, caller) => expect((data as { id: string }).id).toBe(A_SEEN_BY(w, caller)),
    outOfScope: ["staffUnassigned", "staffOtherCompany"],
  },
  "audit.chainStatus": { input: () => ({}), sees: (_w, data) => expect(data).toMatchObject({ brokenAt: null }) },
  "audit.exportCsv": {
    input: () => ({ params: new URLSearchParams(), locale: "ru" }),
    sees: async (w, data, caller) => {
      const text = await (data as Response).text();
      // Another Partner's export lists its own rows only: nothing of A.
      if (caller === "otherPartner") expect(text).not.toContain(w.a.partnerId);
      expect(text.split("\r\n").length).toBeGreaterThan(1);
    },
  },
  "desk.partners": {
    input: () => ({}),
    listedFor: ["staffUnassigned", "staffOtherCompany"],
    sees: (w, data, caller) => {
      if (caller === "staffManager" || caller === "staffAssigned") expect(ids(data)).toEqual([w.a.partnerId]);
      // Not assigned anywhere: company Y serves B, but only its manager or B's assignees reach it.
      else expect(ids(data)).toEqual([]);
    },
  },
  "desk.partner": {
    input: (w) => ({ partnerId: w.a.partnerId }),
    sees: (w, data) => expect((data as { partner: { id: string } }).partner.id).toBe(w.a.partnerId),
    outOfScope: ["staffUnassigned", "staffOtherCompany"],
  },
  "admin.overview": { input: () => ({}), sees: (_w, data) => expect(data).toHaveProperty("partners") },
  "admin.partners": {
    input: (w) => ({ q: w.a.partnerId.slice(0, 0) || undefined }),
    sees: (w, data) => expect(ids(data)).toEqual(expect.arrayContaining([w.a.partnerId, w.b.partnerId])),
  },
  "admin.companies": {
    input: () => ({}),
    sees: (w, data) =>
      expect((data as { id: string }[]).map((c) => c.id)).toEqual(
        expect.arrayContaining([w.companies.x.id, w.companies.y.id]),
      ),
  },
  "members.list": {
    input: () => ({}),
    sees: (w, data, caller) => {
      const people = (data as { members: { personId: string }[] }).members.map((m) => m.personId);
      expect(people).toContain(caller === "otherPartner" ? w.b.personId : w.a.personId);
      expect(people).not.toContain(caller === "otherPartner" ? w.a.personId : w.b.personId);
    },
  },
  "members.ownInvitations": {
    input: () => ({}),
    // Only the invited phone sees the invitation, whoever else asks.
    sees: (_w, data, caller) => expect((data as unknown[]).length).toBe(caller === "noRole" ? 1 : 0),
  },
  "admin.partnerStatus": {
    input: (w) => ({ partnerId: w.a.partnerId }),
    sees: (w, data) => expect(data).toMatchObject({ id: w.a.partnerId, status: "DEMO", statusChanges: [] }),
  },
  "demo.conversion": {
    input: () => ({}),
    // Only a primary user reads it, of their own cabinet; A and B are registered, not demo cabinets.
    sees: (w, data, caller) =>
      expect(data).toMatchObject({ partnerId: A_SEEN_BY(w, caller), convertible: false, expiresAt: null }),
  },
  "partner.closedCabinets": {
    input: () => ({}),
    // A and B are open: nobody has a closed cabinet to be told about.
    sees: (_w, data) => expect(data).toEqual([]),
  },
  "person.ownPlaces": {
    input: () => ({}),
    // Everyone sees their own places only: A's primary user the cabinet of A, B's primary that of B.
    sees: (w, data, caller) => {
      const places = data as { cabinets: { partnerId: string }[]; activePlace: string | null };
      const cabinets = places.cabinets.map((c) => c.partnerId);
      if (caller === "primary") expect(cabinets).toEqual([w.a.partnerId]);
      else if (caller === "otherPartner") expect(cabinets).toEqual([w.b.partnerId]);
      if (caller === "staffManager") expect(places.activePlace).toBe("DESK");
      if (caller === "operatorAdmin") expect(places.activePlace).toBe("ADMIN");
      if (caller === "noRole") expect(places).toMatchObject({ cabinets: [], activePlace: null });
    },
  },
  "notifications.list": {
    // A's primary user has a notification (made above): only they see it, everyone else their own (none).
    input: () => ({}),
    sees: (_w, data, caller) => {
      const items = (data as { items: { kind: string }[] }).items;
      if (caller === "primary") expect(items.length).toBeGreaterThan(0);
      else expect(items).toEqual([]);
    },
  },
  "notifications.unread": {
    input: () => ({}),
    sees: (_w, data, caller) => expect(data).toBe(caller === "primary" ? 1 : 0),
  },
  "notifications.preferences": {
    input: () => ({}),
    sees: (_w, data) => expect((data as { kinds: unknown[] }).kinds.length).toBeGreaterThan(0),
  },
  "person.ownProfile": {
    input: () => ({}),
    sees: (w, data, caller) =>
      expect((data as { person: { phone: string } }).person.phone).toBe(
        w.people[caller as Exclude<Caller, "anonymous">].phone,
      ),
  },
  "audit.log": {
    input: (w) => ({ search: { person: w.b.personId } }),
    // B's person in A's log is an unknown person: nothing of B, and a member of B sees only B's own log.
    sees: (w, data, caller) => {
      const page = (data as { page: { rows: { actorPersonId: string | null }[]; unknownPerson: boolean } }).page;
      if (caller === "otherPartner") expect(page.unknownPerson).toBe(false);
      else expect(page).toMatchObject({ rows: [], unknownPerson: true });
    },
  },
  "audit.personReport": {
    input: (w) => ({ search: { person: w.a.personId } }),
    sees: (w, data, caller) => {
      const report = data as { person: { personId: string } | null; rows: { id: bigint }[] };
      // A's primary user is nobody in another Partner's report.
      if (caller === "otherPartner") expect(report).toMatchObject({ person: null, rows: [] });
      else expect(report.person?.personId).toBe(w.a.personId);
    },
  },
  "audit.recent": {
    input: () => ({}),
    sees: async (w, data, caller) => {
      const ids = (data as { id: bigint }[]).map((r) => r.id);
      const own = caller === "otherPartner" ? w.b.partnerId : w.a.partnerId;
      const rows = await env.prisma.auditEvent.findMany({ where: { id: { in: ids } }, select: { partnerId: true } });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.partnerId === own)).toBe(true);
    },
  },
  "cabinetHome.openInvitations": {
    input: () => ({}),
    // The world's one invitation is into A.
    sees: (_w, data, caller) => expect((data as { total: number }).total).toBe(caller === "otherPartner" ? 0 : 1),
  },
  "cabinetHome.servingCompany": {
    input: () => ({}),
    sees: (w, data, caller) => {
      const company = data as { name: string } | null;
      if (MEMBER_CALLERS.includes(caller)) {
        expect(company?.name).toBe(caller === "otherPartner" ? w.companies.y.name : w.companies.x.name);
      } else expect(company).toBeNull();
    },
  },
  "admin.jobs": {
    input: () => ({}),
    sees: (_w, data) => expect(data).toMatchObject({ counts: { failed: expect.any(Number) } }),
  },
  // The public catalogue: the same for every caller, anonymous visitors included.
  "tariffs.list": {
    input: () => ({ locale: "en" }),
    sees: (_w, data) =>
      expect((data as { slug: string; name: string }[]).map((t) => t.name)).toEqual(["Start", "Business", "Premium"]),
  },
  "tariffs.detail": {
    input: () => ({ slug: "business", locale: "kk" }),
    sees: (_w, data) => expect(data).toMatchObject({ slug: "business", priceMonthly: 65_000 }),
  },
  "services.list": {
    input: () => ({ locale: "ru" }),
    sees: (_w, data) => expect((data as unknown[]).length).toBe(6),
  },
  "admin.calendar": {
    input: () => ({ year: "2026" }),
    // The calendar the migration put in: 2026 with Nauryz and its two transfer days.
    sees: (_w, data) =>
      expect((data as { days: { date: string; kind: string }[] }).days).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ date: "2026-03-23", kind: "HOLIDAY" }),
          expect.objectContaining({ date: "2026-03-25", kind: "DAY_OFF" }),
        ]),
      ),
  },
  "admin.security": {
    input: () => ({}),
    // Nothing suspicious has happened in this world, and nobody is blocked.
    sees: (_w, data) => expect(data).toEqual({ findings: [], blocks: [] }),
  },
  "admin.maintenance": {
    input: () => ({}),
    sees: (_w, data) => expect(data).toMatchObject({ current: [], upcoming: [], past: [] }),
  },
  // The maintenance banner: public, the same for everyone (no window planned here).
  "maintenance.notice": { input: () => ({}), sees: (_w, data) => expect(data).toBeNull() },
  // Every chain, for operators only: A's rows among them.
  "admin.audit": {
    input: () => ({ search: { outcome: "SUCCESS" } }),
    sees: (_w, data) =>
      expect((data as { page: { rows: { partnerId: string | null }[] } }).page.rows.length).toBeGreaterThan(0),
  },
  "admin.auditExport": {
    input: () => ({ params: new URLSearchParams("outcome=SUCCESS"), locale: "ru" }),
    sees: async (_w, data) => expect((await (data as Response).text()).split("\r\n").length).toBeGreaterThan(2),
  },
  "sharing.home": {
    input: () => ({}),
    sees: (w, data) => {
      const partners = data as { id: string; documents: { documentId: string }[] }[];
      expect(partners.map((p) => p.id)).toEqual([w.a.partnerId]);
      expect(partners[0]!.documents.map((d) => d.documentId)).toEqual([docA]);
    },
  },
  "sharing.document": {
    input: () => ({ documentId: docA }),
    sees: (_w, data) => expect((data as { id: string; rights: string[] }).rights).toEqual(["view"]),
  },
  "sharing.file": {
    input: () => ({ documentId: docA }),
    sees: (_w, data) => expect((data as { storageKey: string }).storageKey).toBe(`documents/read-matrix/${docA}`),
  },
  "sharing.list": {
    input: () => ({}),
    sees: (w, data, caller) => {
      const phones = (data as { person: { phone: string } }[]).map((s) => s.person.phone);
      if (caller === "otherPartner") expect(phones).toEqual([]);
      else expect(phones).toEqual([w.people.counterparty.phone]);
    },
  },
  "sharing.document_shares": {
    input: () => ({ documentId: docA }),
    sees: (w, data) =>
      expect((data as { shares: { person: { phone: string } }[] }).shares.map((s) => s.person.phone).sort()).toEqual(
        [w.people.counterparty.phone, w.people.expiredCounterparty.phone].sort(),
      ),
    outOfScope: ["otherPartner"],
  },
  "signatures.document": {
    input: () => ({ documentId: docA }),
    sees: (_w, data) =>
      expect((data as { routes: { shortId: string }[] }).routes.map((r) => r.shortId)).toEqual([SHORT_ID]),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "signatures.people": {
    input: () => ({}),
    sees: (w, data, caller) => {
      const people = data as { members: { personId: string }[]; staff: { personId: string }[] };
      if (caller === "otherPartner") {
        expect(people.members.map((m) => m.personId)).toEqual([w.b.personId]);
        return;
      }
      expect(people.members.map((m) => m.personId)).toContain(w.a.personId);
      expect(people.staff.map((s) => s.personId).sort()).toEqual(
        [w.staff.staffManager.personId, w.staff.staffAssigned.personId].sort(),
      );
    },
  },
  "signatures.sheet": {
    input: () => ({ documentId: docA, versionId: versionA }),
    sees: (_w, data) =>
      expect((data as { signatures: { signerName: string }[] }).signatures.map((s) => s.signerName)).toEqual([
        "Основной Пользователь",
      ]),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "signatures.cms": {
    input: () => ({ documentId: docA, versionId: versionA, signatureId: signatureA }),
    sees: (_w, data) => expect(data).toMatchObject({ id: signatureA, cms: "MIIBmatrix", iin: "900101300126" }),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "signatures.stepContent": {
    input: () => ({ stepId: stepA }),
    // Only the step's own signer gets the bytes to sign.
    sees: (_w, data) => expect((data as { storageKey: string }).storageKey).toBe(`documents/read-matrix/${docA}`),
    outOfScope: [
      "staffUnassigned",
      "staffOtherCompany",
      "staffAssigned",
      "staffManager",
      "otherPartner",
      "counterparty",
      "full",
      "restrictedWith",
    ],
  },
  "signatures.verify": {
    input: () => ({ sha256: "a".repeat(64) }),
    sees: (_w, data) =>
      expect(data).toEqual({
        match: true,
        sha256: "a".repeat(64),
        documents: [
          {
            title: "Договор поставки",
            partnerName: "ТОО «А»",
            signers: [
              { name: "Основной Пользователь", organisationName: null, method: "ECP", signedAt: expect.any(Date) },
            ],
          },
        ],
      }),
  },
  "signatures.verifyLink": {
    input: () => ({ shortId: SHORT_ID }),
    sees: (_w, data) => expect(data).toEqual({ title: "Договор поставки", partnerName: "ТОО «А»" }),
  },
  "documents.library": {
    input: () => ({}),
    sees: (_w, data, caller) => {
      if (caller === "otherPartner") expect(ids(data)).not.toContain(docA);
      else expect(ids(data)).toEqual([docA]);
      // A's own sending is nobody's inbox on A's side.
      expect((data as { unread: number }).unread).toBe(0);
    },
  },
  "desk.documents": {
    input: () => ({}),
    listedFor: ["staffUnassigned", "staffOtherCompany"],
    sees: (_w, data, caller) => {
      const reaches = caller === "staffManager" || caller === "staffAssigned";
      expect(ids(data)).toEqual(reaches ? [docA] : []);
      // What A sent and nobody at the desk opened is new for exactly those who reach A.
      expect((data as { unread: number }).unread).toBe(reaches ? 1 : 0);
    },
  },
  "documents.detail": {
    input: () => ({ documentId: docA }),
    sees: (_w, data) => expect((data as { id: string }).id).toBe(docA),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "documents.uploadTarget": {
    input: (w) => ({ partnerId: w.a.partnerId }),
    sees: (w, data, caller) => expect((data as { partnerId: string }).partnerId).toBe(A_SEEN_BY(w, caller)),
    outOfScope: ["staffUnassigned", "staffOtherCompany"],
  },
  "billing.plan": {
    input: () => ({ locale: "ru" }),
    sees: (_w, data, caller) =>
      expect((data as { invoices: { id: string }[] }).invoices.map((i) => i.id)).toEqual(
        caller === "otherPartner" ? [] : [invoiceA],
      ),
  },
  "billing.invoicePdf": {
    input: () => ({ invoiceId: invoiceA }),
    sees: (_w, data) => expect((data as { pdf: Buffer }).pdf.subarray(0, 5).toString()).toBe("%PDF-"),
    outOfScope: ["otherPartner"],
  },
  "admin.invoices": {
    input: () => ({}),
    sees: (_w, data) => expect((data as { rows: { id: string }[] }).rows.map((r) => r.id)).toContain(invoiceA),
  },
  "admin.catalogue": {
    input: () => ({}),
    sees: (_w, data) => expect((data as { tariffs: unknown[] }).tariffs.length).toBeGreaterThan(0),
  },
  "documents.file": {
    input: () => ({ documentId: docA }),
    sees: (_w, data) => expect((data as { storageKey: string }).storageKey).toBe(`documents/read-matrix/${docA}`),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "requests.list": {
    input: () => ({}),
    sees: (_w, data, caller) =>
      caller === "otherPartner" ? expect(ids(data)).not.toContain(reqA) : expect(ids(data)).toEqual([reqA]),
  },
  "desk.requests": {
    input: () => ({}),
    listedFor: ["staffUnassigned", "staffOtherCompany"],
    sees: (_w, data, caller) =>
      caller === "staffManager" || caller === "staffAssigned"
        ? expect(ids(data)).toEqual([reqA])
        : expect(ids(data)).toEqual([]),
  },
  "requests.detail": {
    input: () => ({ requestId: reqA }),
    sees: (_w, data) => expect((data as { request: { id: string } }).request.id).toBe(reqA),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
  "requests.transcript": {
    input: () => ({ requestId: reqA }),
    sees: (_w, data) => expect((data as { request: { id: string } }).request.id).toBe(reqA),
    outOfScope: ["staffUnassigned", "staffOtherCompany", "otherPartner"],
  },
};

describe("places read with the session", () => {
  it("count the open invitations to the person's own phone, and nobody else's", async () => {
    expect((await loadPlaces(w.people.noRole.personId)).pendingInvitations).toBe(1);
    expect((await loadPlaces(w.people.full.personId)).pendingInvitations).toBe(0);
  });
});

describe("every read × every caller", () => {
  it("has a case and a valid access declaration for every registered read", () => {
    expect(LOADERS.map((l) => l.name).filter((name) => !(name in CASES))).toEqual([]);
    for (const loader of LOADERS) {
      const personLevel = loader.access === "self" || loader.access === "session" || loader.access === "public";
      expect(personLevel || isValidAccess(loader.access), loader.name).toBe(true);
    }
  });

  for (const loader of LOADERS as readonly Loader<z.ZodType, unknown>[]) {
    it(`${loader.name} (${JSON.stringify(loader.access)})`, async () => {
      const testCase = CASES[loader.name]!;
      for (const caller of CALLERS) {
        const session = (await contextFor(w.token(caller))).session;
        const result = await loader.run(testCase.input(w), { session, meta: meta() });
        const label = `${loader.name} as ${caller}: ${JSON.stringify(result.ok ? "ok" : result.code)}`;
        let want = expected(loader.access, caller, { profile: "view", audit: "view" });
        if (testCase.outOfScope?.includes(caller)) want = "not_found";
        if (testCase.listedFor?.includes(caller)) want = "allowed";
        if (want === "unauthenticated") {
          expect(result, label).toEqual({ ok: false, code: "unauthenticated" });
        } else if (want === "not_found") {
          expect(result, label).toEqual({ ok: false, code: "not_found" });
          if (!testCase.outOfScope?.includes(caller)) {
            const refusal = await env.prisma.auditEvent.findFirst({
              where: { action: loader.audit ?? "read.denied", outcome: "DENIED", actorPersonId: w.personId(caller) },
            });
            expect(refusal, `${label}: no refusal recorded`).not.toBeNull();
          }
        } else {
          expect(result.ok, label).toBe(true);
          if (result.ok) await testCase.sees(w, result.data, caller);
        }
      }
    });
  }
});
