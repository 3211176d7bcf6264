import { z } from "zod";
import { now } from "@/lib/clock";
import { visibleDocuments } from "@/lib/documents/access";
import { notFound } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { defineLoader } from "@/lib/tenancy/loader";
import { liveGrantOf, openableVersion, sharedDocumentsOf } from "./access";
import type { ShareRight } from "./rights";

/**
 * A counterparty's home (DOC-4): the documents of their live grants, grouped by the sharing Partner.
 * Every grant is read at this request, so a revoked or expired one is gone at once.
 */
export const sharedHomeLoader = defineLoader({
  name: "sharing.home",
  access: { counterparty: "shared.view" },
  input: z.object({}),
  async load({ db, actor }) {
    const rows = await db.shareGrantDocument.findMany({
      where: { grant: liveGrantOf(actor.personId), document: { archivedAt: null } },
      orderBy: { createdAt: "desc" },
      select: {
        grant: { select: { id: true, rights: true, expiresAt: true, allowDownload: true } },
        document: { select: { id: true, title: true, partner: { select: { id: true, name: true, taxId: true } } } },
      },
    });
    const partners = new Map<
      string,
      {
        id: string;
        name: string;
        taxId: string;
        documents: {
          shareId: string;
          documentId: string;
          title: string;
          rights: string[];
          expiresAt: Date;
          allowDownload: boolean;
        }[];
      }
    >();
    for (const { grant, document } of rows) {
      const p = partners.get(document.partner.id) ?? { ...document.partner, documents: [] };
      partners.set(p.id, p);
      const seen = p.documents.find((d) => d.documentId === document.id);
      if (seen) {
        seen.rights = [...new Set([...seen.rights, ...grant.rights])];
        seen.allowDownload ||= grant.allowDownload;
        if (grant.expiresAt > seen.expiresAt) seen.expiresAt = grant.expiresAt;
        continue;
      }
      p.documents.push({
        shareId: grant.id,
        documentId: document.id,
        title: document.title,
        rights: grant.rights,
        expiresAt: grant.expiresAt,
        allowDownload: grant.allowDownload,
      });
    }
    return [...partners.values()].sort((a, b) => a.name.localeCompare(b.name));
  },
});

async function namesOf(db: PrismaClient, ids: string[]): Promise<Map<string, string>> {
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(people.map((p) => [p.id, p.name]));
}

async function threadOf(db: PrismaClient, documentId: string) {
  const [comments, decisions] = await Promise.all([
    db.shareComment.findMany({
      where: { documentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, authorId: true, side: true, body: true, sha256: true, createdAt: true },
    }),
    db.shareDecision.findMany({
      where: { documentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, personId: true, versionId: true, decision: true, reason: true, createdAt: true },
    }),
  ]);
  const names = await namesOf(db, [...comments.map((c) => c.authorId), ...decisions.map((d) => d.personId)]);
  const versions = await db.documentVersion.findMany({
    where: { id: { in: decisions.map((d) => d.versionId) } },
    select: { id: true, number: true },
  });
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  return {
    comments: comments.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? "" })),
    decisions: decisions.map((d) => ({
      ...d,
      personName: names.get(d.personId) ?? "",
      versionNumber: numbers.get(d.versionId) ?? null,
    })),
  };
}

/**
 * One shared document for the counterparty: only through a live grant of it. What they may do is the
 * union of the rights of their live grants of it.
 */
export const sharedDocumentLoader = defineLoader({
  name: "sharing.document",
  access: { counterparty: "shared.view" },
  input: z.object({ documentId: z.uuid() }),
  async load({ db, actor, input }) {
    const document = await db.document.findFirst({
      where: { id: input.documentId, ...sharedDocumentsOf(actor.personId) },
      select: {
        id: true,
        title: true,
        description: true,
        currentVersionId: true,
        partner: { select: { name: true, taxId: true } },
      },
    });
    if (!document) throw notFound();
    const grants = await db.shareGrant.findMany({
      where: { ...liveGrantOf(actor.personId), documents: { some: { documentId: document.id } } },
      select: { id: true, rights: true, expiresAt: true, allowDownload: true, watermark: true },
    });
    const version = document.currentVersionId
      ? await db.documentVersion.findFirst({
          where: { id: document.currentVersionId, ...openableVersion },
          select: { id: true, number: true, originalName: true, mime: true, size: true, sha256: true, createdAt: true },
        })
      : null;
    const rights = [...new Set(grants.flatMap((g) => g.rights))] as ShareRight[];
    return {
      id: document.id,
      title: document.title,
      description: document.description,
      partnerName: document.partner.name,
      version: version ? { ...version, size: Number(version.size) } : null,
      rights,
      allowDownload: grants.some((g) => g.allowDownload),
      expiresAt: new Date(Math.max(...grants.map((g) => g.expiresAt.getTime()))),
      ...(await threadOf(db, document.id)),
    };
  },
});

/**
 * The file of a shared document for the further byte ranges of an opening already recorded: the
 * same live-grant check, no new record. A download also needs a grant that allows it.
 */
export const sharedFileLoader = defineLoader({
  name: "sharing.file",
  access: { counterparty: "shared.view" },
  input: z.object({ documentId: z.uuid(), versionId: z.uuid().optional(), download: z.boolean().default(false) }),
  async load({ db, actor, input }) {
    const grants = await db.shareGrant.findMany({
      where: {
        ...liveGrantOf(actor.personId),
        documents: { some: { documentId: input.documentId, document: { archivedAt: null } } },
        ...(input.download ? { allowDownload: true } : {}),
      },
      select: { watermark: true },
    });
    if (grants.length === 0) throw notFound();
    const document = await db.document.findFirst({
      where: { id: input.documentId },
      select: { currentVersionId: true },
    });
    if (!document) throw notFound();
    const version = await db.documentVersion.findFirst({
      where: {
        documentId: input.documentId,
        id: input.versionId ?? document.currentVersionId ?? undefined,
        ...openableVersion,
      },
      select: { id: true, number: true, storageKey: true, originalName: true, mime: true, size: true, sha256: true },
    });
    if (!version) throw notFound();
    const person = await db.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { name: true } });
    return {
      ...version,
      size: Number(version.size),
      watermark: grants.every((g) => g.watermark),
      viewerName: person.name,
    };
  },
});

/** The Partner's active shares (not revoked, not expired), newest first, with their documents. */
export const partnerSharesLoader = defineLoader({
  name: "sharing.list",
  access: { member: "sharing.view" },
  input: z.object({}),
  async load({ db }) {
    const grants = await db.shareGrant.findMany({
      where: { revokedAt: null, expiresAt: { gt: now() }, documents: { some: {} } },
      orderBy: { createdAt: "desc" },
      take: 500,
      select: {
        id: true,
        rights: true,
        expiresAt: true,
        createdAt: true,
        allowDownload: true,
        watermark: true,
        organisationName: true,
        organisationBin: true,
        person: { select: { name: true, phone: true } },
        documents: { select: { document: { select: { id: true, title: true } } } },
      },
    });
    return grants.map(({ documents, ...g }) => ({ ...g, documents: documents.map((d) => d.document) }));
  },
});

/**
 * A document's shares (live and past), its view log (every opening of its files: who, when, from
 * which IP, which version — counterparties' included, from the Partner's audit chain), and the
 * comments and decisions. For members who can see the document and have "sharing: view".
 */
export const documentSharesLoader = defineLoader({
  name: "sharing.document_shares",
  access: { member: "sharing.view" },
  input: z.object({ documentId: z.uuid() }),
  async load({ db, actor, input }) {
    const document = await db.document.findFirst({
      where: { id: input.documentId, ...visibleDocuments(actor) },
      select: { id: true },
    });
    if (!document) throw notFound();
    const at = now();
    const [grants, views, thread] = await Promise.all([
      db.shareGrant.findMany({
        where: { documents: { some: { documentId: document.id } } },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          rights: true,
          expiresAt: true,
          revokedAt: true,
          createdAt: true,
          allowDownload: true,
          watermark: true,
          organisationName: true,
          organisationBin: true,
          person: { select: { name: true, phone: true } },
        },
      }),
      db.auditEvent.findMany({
        where: {
          partnerId: actor.partnerId,
          targetType: "document",
          targetId: document.id,
          action: { in: ["document.viewed", "document.downloaded"] },
          outcome: "SUCCESS",
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 200,
        select: {
          id: true,
          action: true,
          createdAt: true,
          ip: true,
          actorPersonId: true,
          actorRole: true,
          details: true,
        },
      }),
      threadOf(db, document.id),
    ]);
    const people = await db.person.findMany({
      where: { id: { in: [...new Set(views.flatMap((v) => (v.actorPersonId ? [v.actorPersonId] : [])))] } },
      select: { id: true, name: true, phone: true },
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    return {
      shares: grants.map((g) => ({
        ...g,
        live: !g.revokedAt && g.expiresAt > at,
      })),
      views: views.map((v) => {
        const details = (v.details ?? {}) as { number?: number; version?: string };
        const who = v.actorPersonId ? byId.get(v.actorPersonId) : undefined;
        return {
          id: String(v.id),
          action: v.action as "document.viewed" | "document.downloaded",
          at: v.createdAt,
          ip: v.ip,
          name: who?.name ?? "",
          phone: who?.phone ?? "",
          counterparty: v.actorRole === "COUNTERPARTY",
          versionNumber: details.number ?? null,
        };
      }),
      ...thread,
    };
  },
});
