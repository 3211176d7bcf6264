import { z } from "zod";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors/app-error";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions/catalog";
import { localized } from "@/lib/tariffs/localize";
import { defineLoader } from "@/lib/tenancy/loader";
import type { InvoiceParty } from "./invoices";
import { renderInvoicePdf } from "./invoice-pdf";
import { readPlanLimits, requestsThisMonth } from "./limits";
import { pendingChange, priceAt, tariffInForce } from "./plan";
import { invoiceIdSchema } from "./schemas";

const MIB = 1024 * 1024;
const localeInput = z.object({ locale: z.string().max(8).default("ru") });

/**
 * The cabinet's plan page (BIZ-2): the tariff in force with its limits and this month's use, a change
 * already chosen, the tariffs to change to, the services to order (only those for demo while in demo)
 * and the Partner's invoices.
 */
export const planLoader = defineLoader({
  name: "billing.plan",
  access: { member: "billing.view" },
  input: localeInput,
  async load({ db, actor, input }) {
    const at = now();
    const partner = await db.partner.findUnique({
      where: { id: actor.partnerId },
      select: { status: true, storageUsedBytes: true, outsourcingCompanyId: true },
    });
    if (!partner) throw notFound();
    const demo = partner.status === "DEMO";
    const [current, pending, limits, users, requests, tariffs, services, invoices] = await Promise.all([
      tariffInForce(db, actor.partnerId, at),
      pendingChange(db, actor.partnerId, at),
      readPlanLimits(db, actor.partnerId, at),
      db.membership.count({ where: { status: "ACTIVE" } }),
      requestsThisMonth(db, actor.partnerId, at),
      db.tariff.findMany({
        where: { active: true, demo: false },
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
        include: { prices: priceAt(at) },
      }),
      db.additionalService.findMany({
        where: { active: true, ...(demo ? { availableInDemo: true } : {}) },
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      }),
      db.invoice.findMany({
        orderBy: { issuedAt: "desc" },
        take: 50,
        select: {
          id: true,
          number: true,
          issuedAt: true,
          status: true,
          totalTiyn: true,
          order: { select: { service: true } },
        },
      }),
    ]);
    const name = (row: { nameRu: string; nameKk: string; nameEn: string }) => localized(row, "name", input.locale);
    return {
      demo,
      canChange: can(actor.rights, "tariff.manage") && !demo,
      canOrder: can(actor.rights, "billing.edit") && partner.outsourcingCompanyId !== null,
      current: current
        ? { slug: current.slug, name: name(current), demo: current.demo, price: current.prices[0]?.amount ?? null }
        : null,
      pending: pending ? { name: name(pending.toTariff), effectiveFrom: pending.effectiveFrom } : null,
      limits,
      usage: { users, storageMb: Math.ceil(Number(partner.storageUsedBytes) / MIB), requests },
      tariffs: tariffs
        .filter((t) => t.prices.length > 0)
        .map((t) => ({
          slug: t.slug,
          name: name(t),
          price: t.prices[0]!.amount,
          limits: { users: t.maxUsers, storageMb: t.storageMb, requestsPerMonth: t.requestsPerMonth },
          current: t.id === current?.id,
        })),
      services: services.map((s) => ({
        slug: s.slug,
        name: name(s),
        description: localized(s, "description", input.locale),
        price: s.price,
        kind: s.kind,
      })),
      invoices: invoices.map((i) => ({
        id: i.id,
        number: i.number,
        issuedAt: i.issuedAt,
        status: i.status,
        totalTiyn: i.totalTiyn,
        service: i.order ? name(i.order.service) : null,
      })),
    };
  },
});

/** One invoice of the Partner as its PDF; the download is recorded before the file leaves. */
export const invoicePdfLoader = defineLoader({
  name: "billing.invoicePdf",
  access: { member: "billing.view", operator: "platform.billing.view" },
  input: invoiceIdSchema,
  async load({ db, input, record }) {
    const invoice = await db.invoice.findUnique({
      where: { id: input.invoiceId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    if (!invoice) throw notFound();
    const pdf = await renderInvoicePdf({
      ...invoice,
      supplier: invoice.supplier as unknown as InvoiceParty,
      buyer: invoice.buyer as unknown as InvoiceParty & { contract: string | null },
    });
    await record({
      action: "billing.invoice_downloaded",
      partnerId: invoice.partnerId,
      targetType: "invoice",
      targetId: invoice.id,
      details: { number: invoice.number },
    });
    return { pdf, fileName: `invoice-${invoice.year}-${invoice.number}.pdf` };
  },
});

const INVOICE_STATUSES = ["ISSUED", "PAID", "CANCELLED"] as const satisfies readonly InvoiceStatus[];

/** Invoices across the platform for the back office, newest first, by status. */
export const adminInvoicesLoader = defineLoader({
  name: "admin.invoices",
  access: { operator: "platform.billing.view" },
  input: z.object({ status: z.enum(INVOICE_STATUSES).optional().catch(undefined) }),
  async load({ db, input, actor }) {
    const rows = await db.invoice.findMany({
      where: input.status ? { status: input.status } : {},
      orderBy: { issuedAt: "desc" },
      take: 100,
      select: {
        id: true,
        number: true,
        year: true,
        issuedAt: true,
        status: true,
        totalTiyn: true,
        partner: { select: { id: true, name: true } },
        company: { select: { name: true } },
      },
    });
    return { rows, canManage: actor.rights.has("platform.billing.manage") };
  },
});

/** Tariffs with every price and the additional services, for operators to edit (OPS). */
export const adminCatalogueLoader = defineLoader({
  name: "admin.catalogue",
  access: { operator: "platform.billing.view" },
  input: z.object({}),
  async load({ db, actor }) {
    const [tariffs, services] = await Promise.all([
      db.tariff.findMany({
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
        include: { prices: { orderBy: { effectiveFrom: "desc" } } },
      }),
      db.additionalService.findMany({ orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] }),
    ]);
    return { tariffs, services, now: now(), canManage: actor.rights.has("platform.billing.manage") };
  },
});
