import { z } from "zod";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { notFound } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { can, rightsForMember } from "@/lib/permissions/catalog";
import { sharedDocumentsOf } from "@/lib/sharing/access";
import { defineLoader } from "@/lib/tenancy/loader";
import type { RouteStatus, StepSide, StepStatus } from "./constants";
import { stepsOnTurn } from "./progress";
import { SIGNERS, type SignerActor } from "./step";
import { verifySchema } from "./schemas";

const documentInput = z.object({ documentId: z.uuid() }).strict();

/** The document as the actor reaches it: a member or staff through their visibility rules, a counterparty through a live grant. */
async function reachableDocument(db: PrismaClient, actor: SignerActor, documentId: string) {
  const where =
    actor.kind === "counterparty"
      ? { id: documentId, ...sharedDocumentsOf(actor.personId) }
      : { id: documentId, ...visibleDocuments(actor) };
  const document = await db.document.findFirst({
    where,
    select: { id: true, partnerId: true, title: true, currentVersionId: true },
  });
  if (!document) throw notFound();
  return document;
}

/**
 * A document's routes for approval and signature (DOC-5), newest first, as the actor sees them: each
 * step's person, side, outcome and signature time; the actor's own step when it is their turn (what
 * they may do with it); and which versions have signatures (their sheets). Members with "documents:
 * edit" also learn whether they may send a new route. Phones and IPs are not shown here.
 */
export const documentRoutesLoader = defineLoader({
  name: "signatures.document",
  access: SIGNERS,
  input: documentInput,
  async load({ db, actor, input }) {
    const document = await reachableDocument(db, actor, input.documentId);
    const at = now();
    const routes = await db.signatureRoute.findMany({
      where: { documentId: document.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: {
        id: true,
        versionId: true,
        sha256: true,
        purpose: true,
        ordering: true,
        status: true,
        deadline: true,
        shortId: true,
        createdAt: true,
        finishedAt: true,
        createdById: true,
        steps: {
          orderBy: { position: "asc" },
          select: { id: true, position: true, personId: true, side: true, status: true, reason: true, decidedAt: true },
        },
      },
    });
    const routeIds = routes.map((r) => r.id);
    const [signatures, versions] = await Promise.all([
      db.signature.findMany({
        where: { routeId: { in: routeIds } },
        select: {
          id: true,
          stepId: true,
          versionId: true,
          method: true,
          createdAt: true,
          organisationName: true,
          iin: true,
          bin: true,
        },
      }),
      db.documentVersion.findMany({
        where: { id: { in: [...new Set(routes.map((r) => r.versionId))] } },
        select: { id: true, number: true },
      }),
    ]);
    const people = await db.person.findMany({
      where: { id: { in: [...new Set(routes.flatMap((r) => [r.createdById, ...r.steps.map((s) => s.personId)]))] } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const me = await db.person.findUnique({ where: { id: actor.personId }, select: { iin: true } });
    const numberOf = new Map(versions.map((v) => [v.id, v.number]));
    const signatureOf = new Map(signatures.map((s) => [s.stepId, s]));
    const live = routes.some((r) => r.status === "ACTIVE" && r.deadline > at);
    const canCreate =
      actor.kind === "member" && can(actor.rights, "documents.edit") && !live && document.currentVersionId !== null;
    return {
      documentId: document.id,
      currentVersionId: document.currentVersionId,
      canCreate,
      canAddCounterparty: actor.kind === "member" && can(actor.rights, "sharing.edit"),
      /** The actor's IIN is already confirmed (their first ЭЦП signature asks for it). */
      iinKnown: Boolean(me?.iin),
      signedVersions: [...new Set(signatures.map((s) => s.versionId))].map((id) => ({
        id,
        number: numberOf.get(id) ?? null,
      })),
      routes: routes.map((r) => {
        const status = (r.status === "ACTIVE" && r.deadline <= at ? "EXPIRED" : r.status) as RouteStatus;
        const turn = new Set(stepsOnTurn(r, r.steps, at).map((s) => s.id));
        return {
          id: r.id,
          purpose: r.purpose as "SIGNATURE" | "APPROVAL",
          ordering: r.ordering as "SEQUENTIAL" | "PARALLEL",
          status,
          deadline: r.deadline,
          createdAt: r.createdAt,
          finishedAt: r.finishedAt,
          sha256: r.sha256,
          shortId: r.shortId,
          versionId: r.versionId,
          versionNumber: numberOf.get(r.versionId) ?? null,
          createdBy: nameOf.get(r.createdById) ?? "",
          steps: r.steps.map((s) => {
            const signature = signatureOf.get(s.id);
            return {
              id: s.id,
              position: s.position,
              name: nameOf.get(s.personId) ?? "",
              side: s.side as StepSide,
              status: s.status as StepStatus,
              reason: s.reason,
              decidedAt: s.decidedAt,
              organisationName: signature?.organisationName ?? null,
              method: signature?.method ?? null,
              /** ЭЦП: the certificate's IIN/BIN and the signature's id (its CMS is downloadable). */
              ecp:
                signature?.method === "ECP"
                  ? { signatureId: signature.id, iin: signature.iin, bin: signature.bin }
                  : null,
              onTurn: turn.has(s.id),
              mine: s.personId === actor.personId && s.side === actor.kind && turn.has(s.id),
            };
          }),
        };
      }),
    };
  },
});

/**
 * Who a member may put on a route: the Partner's active users who may see documents, and the staff of
 * its serving company who reach it (the manager, those assigned). Counterparties are typed in.
 */
export const routePeopleLoader = defineLoader({
  name: "signatures.people",
  access: { member: "documents.edit" },
  input: z.object({}).strict(),
  async load({ db, actor }) {
    const [members, partner] = await Promise.all([
      db.membership.findMany({
        where: { status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        select: { role: true, rights: true, person: { select: { id: true, name: true } } },
      }),
      db.partner.findUnique({ where: { id: actor.partnerId }, select: { outsourcingCompanyId: true } }),
    ]);
    const staff = partner?.outsourcingCompanyId
      ? await db.staffMember.findMany({
          where: {
            companyId: partner.outsourcingCompanyId,
            OR: [{ role: "MANAGER" }, { assignments: { some: { partnerId: actor.partnerId } } }],
          },
          orderBy: { createdAt: "asc" },
          select: { role: true, person: { select: { id: true, name: true } } },
        })
      : [];
    return {
      members: members
        .filter((m) => can(rightsForMember(m.role, m.rights), "documents.view"))
        .map((m) => ({ personId: m.person.id, name: m.person.name, role: m.role })),
      staff: staff.map((s) => ({ personId: s.person.id, name: s.person.name, role: s.role })),
    };
  },
});

/** What a signature sheet prints for one signed version (by anyone who can see the document). */
export const signatureSheetLoader = defineLoader({
  name: "signatures.sheet",
  access: SIGNERS,
  input: z.object({ documentId: z.uuid(), versionId: z.uuid() }).strict(),
  async load({ db, actor, input }) {
    const document = await reachableDocument(db, actor, input.documentId);
    const version = await db.documentVersion.findFirst({
      where: { id: input.versionId, documentId: document.id },
      select: { id: true, number: true, sha256: true, originalName: true },
    });
    if (!version) throw notFound();
    const signatures = await db.signature.findMany({
      where: { versionId: version.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        routeId: true,
        signerName: true,
        organisationName: true,
        organisationBin: true,
        method: true,
        iin: true,
        bin: true,
        ip: true,
        createdAt: true,
      },
    });
    if (signatures.length === 0) throw notFound();
    const route = await db.signatureRoute.findFirstOrThrow({
      where: { id: signatures.at(-1)!.routeId },
      select: { shortId: true, partnerName: true },
    });
    return {
      title: document.title,
      partnerName: route.partnerName,
      fileName: version.originalName,
      versionNumber: version.number,
      sha256: version.sha256,
      shortId: route.shortId,
      signatures: signatures.map((s) => ({
        signerName: s.signerName,
        organisationName: s.organisationName,
        organisationBin: s.organisationBin,
        method: s.method,
        iin: s.iin,
        bin: s.bin,
        ip: s.ip,
        createdAt: s.createdAt,
      })),
    };
  },
});

/**
 * The public check (no login, not audited, like every public read): does a signed version with this
 * SHA-256 exist — and, from a sheet's link, is it THAT version — and who signed it (names, method,
 * time). Only the document's title and the Partner's name are told besides; nothing else of the Partner.
 */
export const verifyLoader = defineLoader({
  name: "signatures.verify",
  access: "public",
  input: verifySchema,
  async load({ db, input }) {
    const linked = input.shortId
      ? await db.signatureRoute.findUnique({ where: { shortId: input.shortId }, select: { versionId: true } })
      : null;
    if (input.shortId && !linked) throw notFound();
    const signatures = await db.signature.findMany({
      where: { sha256: input.sha256, ...(linked ? { versionId: linked.versionId } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: {
        routeId: true,
        versionId: true,
        signerName: true,
        organisationName: true,
        method: true,
        createdAt: true,
      },
    });
    if (signatures.length === 0) return { match: false as const };
    const routes = await db.signatureRoute.findMany({
      where: { id: { in: [...new Set(signatures.map((s) => s.routeId))] } },
      select: { id: true, versionId: true, documentTitle: true, partnerName: true },
    });
    const byVersion = new Map<
      string,
      {
        title: string;
        partnerName: string;
        signers: { name: string; organisationName: string | null; method: string; signedAt: Date }[];
      }
    >();
    for (const s of signatures) {
      const route = routes.find((r) => r.id === s.routeId);
      if (!route) continue;
      const entry = byVersion.get(s.versionId) ?? {
        title: route.documentTitle,
        partnerName: route.partnerName,
        signers: [],
      };
      entry.signers.push({
        name: s.signerName,
        organisationName: s.organisationName,
        method: s.method,
        signedAt: s.createdAt,
      });
      byVersion.set(s.versionId, entry);
    }
    return { match: true as const, sha256: input.sha256, documents: [...byVersion.values()] };
  },
});

/** A sheet's short link: which document it is about (title and Partner), before a file is dropped in. */
export const verifyLinkLoader = defineLoader({
  name: "signatures.verifyLink",
  access: "public",
  input: z.object({ shortId: z.string().regex(/^[0-9a-z]{6,16}$/) }).strict(),
  async load({ db, input }) {
    const route = await db.signatureRoute.findUnique({
      where: { shortId: input.shortId },
      select: { documentTitle: true, partnerName: true },
    });
    if (!route) throw notFound();
    return { title: route.documentTitle, partnerName: route.partnerName };
  },
});

/**
 * The bytes an ЭЦП signer signs: the version of their own step (theirs by person and place), while the
 * document is still reachable to them. The browser fetches them for NCALayer; the route streams them.
 */
export const stepContentLoader = defineLoader({
  name: "signatures.stepContent",
  access: SIGNERS,
  input: z.object({ stepId: z.uuid() }).strict(),
  async load({ db, actor, input }) {
    const step = await db.signatureRouteStep.findFirst({
      where: { id: input.stepId, personId: actor.personId, side: actor.kind },
      select: { route: { select: { documentId: true, versionId: true, sha256: true } } },
    });
    if (!step) throw notFound();
    const document = await reachableDocument(db, actor, step.route.documentId);
    const version = await db.documentVersion.findFirst({
      where: { id: step.route.versionId, documentId: document.id },
      select: { id: true, storageKey: true, size: true, sha256: true },
    });
    if (!version || version.sha256 !== step.route.sha256) throw notFound();
    return {
      versionId: version.id,
      storageKey: version.storageKey,
      size: Number(version.size),
      sha256: version.sha256,
    };
  },
});

/** The CMS of one ЭЦП signature of a version, for anyone who can see the document (like its sheet). */
export const signatureCmsLoader = defineLoader({
  name: "signatures.cms",
  access: SIGNERS,
  input: z.object({ documentId: z.uuid(), versionId: z.uuid(), signatureId: z.uuid() }).strict(),
  async load({ db, actor, input }) {
    const document = await reachableDocument(db, actor, input.documentId);
    const signature = await db.signature.findFirst({
      where: { id: input.signatureId, documentId: document.id, versionId: input.versionId, method: "ECP" },
      select: { id: true, cms: true, iin: true, sha256: true },
    });
    if (!signature?.cms) throw notFound();
    return { id: signature.id, cms: signature.cms, iin: signature.iin, sha256: signature.sha256 };
  },
});
