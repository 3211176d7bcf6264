import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "@/lib/audit/write";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { createSession } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { prismaSql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { changeStatus, createRequest, postMessage } from "@/lib/requests/thread";
import type { MemberActor, StaffActor } from "@/lib/tenancy/actor";
import { demoPhone } from "../phones";
import {
  DEMO_ACCOUNTANT,
  DEMO_COMPANY,
  DEMO_LIFETIME_DAYS,
  DEMO_PER_IP_PER_HOUR,
  SAMPLE_COMPANY,
  SAMPLE_DOCUMENTS,
  SAMPLE_MEMBERS,
  SAMPLE_REQUESTS,
} from "../sample";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const storedSample = z.object({
  storageKey: z.string().regex(/^documents\/[a-z0-9/-]+$/),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * One click on "Попробовать демо" (BIZ-3, 001 §4): an isolated demo cabinet with sample data — the
 * company's profile, two sample users, documents both ways with the outsourcer's accountant, some
 * history — and a session for its primary user, who has no phone number (a +999 demo number that no
 * SMS can reach). It lives DEMO_LIFETIME_DAYS, then the `demo.purge` job removes it. The sample
 * files are stored by the caller before this transaction (no network call inside it).
 */
export const createDemo = defineAction({
  name: "demo.create",
  input: z.object({ partnerId: z.uuid(), files: z.array(storedSample).length(SAMPLE_DOCUMENTS.length) }),
  access: "visitor",
  audit: "demo.created",
  async handler({ input, tx, ctx }) {
    const at = now();
    const { count } = await hitRateLimit(prismaSql(tx), `demo:ip:${ctx.meta.ip ?? "unknown"}`, HOUR, at);
    if (count > DEMO_PER_IP_PER_HOUR) throw new AppError("rate_limited", "demo_rate_limited");

    const { companyId, accountantId } = await demoCompany(tx);
    const primary = await tx.person.create({
      data: { phone: demoPhone(), name: "Гость демо-кабинета", locale: ctx.locale, adultConfirmedAt: at },
    });
    const partner = await tx.partner.create({
      data: {
        id: input.partnerId,
        type: "LEGAL_ENTITY",
        name: SAMPLE_COMPANY.name,
        taxId: randomKzTaxId(),
        status: "DEMO",
        demoExpiresAt: new Date(at.getTime() + DEMO_LIFETIME_DAYS * DAY),
        outsourcingCompanyId: companyId,
        legalAddress: SAMPLE_COMPANY.legalAddress,
        headName: SAMPLE_COMPANY.headName,
        headPosition: SAMPLE_COMPANY.headPosition,
        bankName: SAMPLE_COMPANY.bankName,
        storageUsedBytes: BigInt(input.files.reduce((sum, f) => sum + f.size, 0)),
      },
    });
    await tx.membership.create({ data: { partnerId: partner.id, personId: primary.id, role: "PRIMARY" } });
    for (const member of SAMPLE_MEMBERS) {
      const person = await tx.person.create({ data: { phone: demoPhone(), name: member.name, adultConfirmedAt: at } });
      await tx.membership.create({
        data: {
          partnerId: partner.id,
          personId: person.id,
          role: member.role,
          rights: member.rights,
          documentCategories: member.categories,
          position: member.position,
          sample: true,
        },
      });
    }
    await tx.staffAssignment.create({
      data: { partnerId: partner.id, staffMemberId: accountantId.staffMemberId, responsibility: "ACCOUNTING" },
    });

    for (const [index, sample] of SAMPLE_DOCUMENTS.entries()) {
      const file = input.files[index]!;
      const created = new Date(at.getTime() - sample.daysAgo * DAY);
      const author = sample.by === "primary" ? primary.id : accountantId.personId;
      const sent = sample.direction !== "INTERNAL";
      const document = await tx.document.create({
        data: {
          partnerId: partner.id,
          category: sample.category,
          title: sample.title,
          direction: sample.direction,
          status: sent ? "SENT" : "DRAFT",
          createdById: author,
          companyId: sent ? companyId : null,
          sentById: sent ? author : null,
          sentAt: sent ? created : null,
          versionCount: 1,
          sample: true,
          createdAt: created,
        },
      });
      const version = await tx.documentVersion.create({
        data: {
          partnerId: partner.id,
          documentId: document.id,
          number: 1,
          storageKey: file.storageKey,
          originalName: `${sample.title}.pdf`,
          mime: "application/pdf",
          size: BigInt(file.size),
          sha256: file.sha256,
          uploadedById: author,
          createdAt: created,
          text: sample.lines.join("\n"),
        },
      });
      await tx.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
      // The contract was read long ago; the fresh tax report waits in the inbox.
      if (sample.direction === "FROM_OUTSOURCER" && sample.daysAgo > 10) {
        await tx.documentReceipt.create({
          data: { partnerId: partner.id, documentId: document.id, personId: primary.id, openedAt: created },
        });
      }
      await writeAudit(tx, {
        action: sent ? "document.sent" : "document.uploaded",
        outcome: "SUCCESS",
        partnerId: partner.id,
        actorPersonId: author,
        actorRole: sample.by === "primary" ? "PRIMARY" : "ACCOUNTANT",
        targetType: "document",
        targetId: document.id,
        details: { sample: true, title: sample.title },
      });
    }

    await sampleRequests(tx, {
      partnerId: partner.id,
      primary: { personId: primary.id, phone: primary.phone },
      companyId,
      accountant: accountantId,
    });

    const session = await createSession(prismaSql(tx), {
      kind: "WEB",
      personId: primary.id,
      phone: primary.phone,
      activePartnerId: partner.id,
      meta: ctx.meta,
    });
    return {
      data: { partnerId: partner.id, personId: primary.id, sessionId: session.id, token: session.token },
      audit: {
        partnerId: partner.id,
        targetType: "partner",
        targetId: partner.id,
        details: { expiresAt: partner.demoExpiresAt?.toISOString() ?? null },
      },
    };
  },
});

/** Requests with the accountant's answers: one waiting for the visitor, one resolved. */
async function sampleRequests(
  tx: Prisma.TransactionClient,
  demo: {
    partnerId: string;
    primary: { personId: string; phone: string };
    companyId: string;
    accountant: { staffMemberId: string; personId: string };
  },
) {
  const member: MemberActor = {
    kind: "member",
    sessionId: "",
    personId: demo.primary.personId,
    phone: demo.primary.phone,
    partnerId: demo.partnerId,
    role: "PRIMARY",
    rights: new Set(),
    documentCategories: [],
  };
  const staff: StaffActor = {
    kind: "staff",
    sessionId: "",
    personId: demo.accountant.personId,
    phone: "",
    companyId: demo.companyId,
    staffMemberId: demo.accountant.staffMemberId,
    role: "ACCOUNTANT",
    rights: new Set(),
    partnerIds: [demo.partnerId],
  };
  for (const sample of SAMPLE_REQUESTS) {
    const { request } = await createRequest(
      tx,
      member,
      {
        category: sample.category,
        priority: sample.priority,
        subject: sample.subject,
        text: sample.text,
        documentIds: [],
      },
      null,
      { countsAgainstQuota: false },
    );
    await postMessage(tx, staff, { requestId: request.id, text: sample.reply, documentIds: [] });
    await changeStatus(tx, staff, request.id, sample.status);
    await tx.request.update({ where: { id: request.id }, data: { sample: true } });
  }
}

/** The outsourcing company of demo cabinets and its accountant, made once (safe under parallel first demos). */
async function demoCompany(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`INSERT INTO outsourcing_company (id, name) VALUES (gen_random_uuid(), ${DEMO_COMPANY}) ON CONFLICT (name) DO NOTHING`;
  const company = await tx.outsourcingCompany.findUniqueOrThrow({
    where: { name: DEMO_COMPANY },
    select: { id: true },
  });
  const existing = await tx.staffMember.findFirst({
    where: { companyId: company.id, role: "ACCOUNTANT" },
    select: { id: true, personId: true },
  });
  if (existing)
    return { companyId: company.id, accountantId: { staffMemberId: existing.id, personId: existing.personId } };
  // Serialises the first demos on the company row, so only one accountant is made.
  await tx.$queryRaw`SELECT id FROM outsourcing_company WHERE id = ${company.id}::uuid FOR UPDATE`;
  const again = await tx.staffMember.findFirst({
    where: { companyId: company.id, role: "ACCOUNTANT" },
    select: { id: true, personId: true },
  });
  if (again) return { companyId: company.id, accountantId: { staffMemberId: again.id, personId: again.personId } };
  const person = await tx.person.create({ data: { phone: demoPhone(), name: DEMO_ACCOUNTANT } });
  const staff = await tx.staffMember.create({
    data: { companyId: company.id, personId: person.id, role: "ACCOUNTANT" },
  });
  return { companyId: company.id, accountantId: { staffMemberId: staff.id, personId: person.id } };
}
