import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TX_OPTIONS } from "@/lib/db/client";
import { reserveStorage, MIB } from "@/lib/documents/storage-quota";
import { extractText } from "@/lib/documents/extract-text";
import { assertSeatAvailable } from "@/lib/members/seats";
import { addTariffPrice } from "@/lib/tariffs/actions/add-tariff-price";
import { updateService } from "@/lib/tariffs/actions/update-service";
import {
  addMember,
  contextFor,
  login,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { cancelInvoice } from "./actions/cancel-invoice";
import { changeTariff } from "./actions/change-tariff";
import { markInvoicePaid } from "./actions/mark-invoice-paid";
import { orderService } from "./actions/order-service";
import { assertMonthlyQuota, lockPlanLimits } from "./limits";
import { nextMonthStart } from "./period";
import { invoicePdfLoader, planLoader } from "./queries";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let companyId: string;
let admin: string;
let support: string;
const DAY = 86_400_000;

const texts = (name: string) => ({
  nameRu: name,
  nameKk: `${name} (kk)`,
  nameEn: `${name} (en)`,
  descriptionRu: `Описание ${name}`,
  descriptionKk: "",
  descriptionEn: "",
});

async function tariff(
  slug: string,
  price: number,
  limits: [users: number, storageMb: number, requests: number],
  demo = false,
) {
  return env.prisma.tariff.create({
    data: {
      slug,
      ...texts(`Тариф ${slug}`),
      maxUsers: limits[0],
      storageMb: limits[1],
      requestsPerMonth: limits[2],
      includedServices: ["accounting"],
      demo,
      prices: { create: { amount: price, effectiveFrom: new Date(Date.now() - 30 * DAY) } },
    },
  });
}

async function operator(role: "ADMIN" | "SUPPORT") {
  const phone = uniquePhone();
  const person = await env.prisma.person.create({
    data: { phone, name: `Оператор ${role}`, adultConfirmedAt: new Date() },
  });
  await env.prisma.operator.create({ data: { personId: person.id, role } });
  return login(phone);
}

/** A Partner with a contract, served by the test company, on the given tariff. */
async function activePartner(tariffSlug = "start") {
  const p = await registerPartner({ partnerName: "ТОО «Қазақ Өнім»" });
  const t = await env.prisma.tariff.findUniqueOrThrow({ where: { slug: tariffSlug } });
  await env.prisma.partner.update({
    where: { id: p.partnerId },
    data: {
      status: "ACTIVE",
      contractNumber: "Д-17",
      contractDate: new Date("2026-01-15"),
      outsourcingCompanyId: companyId,
      tariffId: t.id,
      legalAddress: "г. Алматы, ул. Әуезова, 1",
    },
  });
  return p;
}

beforeAll(async () => {
  env = await startIntegrationDatabase();
  await tariff("demo", 0, [2, 1, 3], true);
  await tariff("start", 10_000, [3, 2, 5]);
  await tariff("business", 30_000, [10, 50, 100]);
  await env.prisma.additionalService.create({
    data: { slug: "audit-check", ...texts("Экспресс-аудит"), price: 120_000, kind: "ONE_OFF", availableInDemo: false },
  });
  await env.prisma.additionalService.create({
    data: { slug: "consult", ...texts("Консультация"), price: 5_000, kind: "ONE_OFF", availableInDemo: true },
  });
  const company = await env.prisma.outsourcingCompany.create({
    data: {
      name: "ТОО «Есеп Сервис»",
      bin: "123456789012",
      iik: "KZ86125KZT5004100100",
      bik: "KCJBKZKX",
      bankName: "АО «Банк ЦентрКредит»",
      kbe: "17",
      address: "г. Астана, пр. Мәңгілік Ел, 8",
      vatRate: 12,
    },
  });
  companyId = company.id;
  admin = await operator("ADMIN");
  support = await operator("SUPPORT");
}, 120_000);
afterAll(async () => {
  await env.close();
});

describe("limits of the tariff in force", () => {
  it("refuse the user above the demo tariff's limit, and count again after an upgrade", async () => {
    const p = await registerPartner();
    const seat = () => env.prisma.$transaction((tx) => assertSeatAvailable(tx, p.partnerId, new Date()), TX_OPTIONS);
    await expect(seat()).resolves.toBeUndefined();
    await addMember(p.partnerId, "FULL");
    await expect(seat()).rejects.toMatchObject({ messageKey: "user_limit_reached", values: { limit: 2 } });
    const business = await env.prisma.tariff.findUniqueOrThrow({ where: { slug: "business" } });
    await env.prisma.partner.update({ where: { id: p.partnerId }, data: { tariffId: business.id } });
    await expect(seat()).resolves.toBeUndefined();
  });

  it("fill storage exactly to the tariff's megabytes and refuse one byte more", async () => {
    const p = await registerPartner();
    const reserve = (bytes: number) =>
      env.prisma.$transaction((tx) => reserveStorage(tx, p.partnerId, bytes), TX_OPTIONS);
    await reserve(MIB - 10);
    await reserve(10);
    await expect(reserve(1)).rejects.toMatchObject({ messageKey: "quota_exceeded" });
    await reserve(-10);
    await reserve(10);
  });

  it("leave exactly N of 20 parallel creations at a monthly limit of N", async () => {
    const p = await activePartner("start");
    await env.asOwner(async (client) => {
      await client.query(`CREATE TABLE quota_probe ("partnerId" uuid NOT NULL, "createdAt" timestamp(3) NOT NULL)`);
      await client.query(`GRANT SELECT, INSERT ON quota_probe TO PUBLIC`);
    });
    const count = (partnerId: string) => async (tx: Parameters<Parameters<typeof env.prisma.$transaction>[0]>[0]) => {
      const [row] = await tx.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM quota_probe WHERE "partnerId" = ${partnerId}::uuid`;
      return row!.n;
    };
    const create = () =>
      env.prisma.$transaction(async (tx) => {
        await assertMonthlyQuota(tx, p.partnerId, new Date(), count(p.partnerId));
        await tx.$executeRaw`INSERT INTO quota_probe VALUES (${p.partnerId}::uuid, now())`;
      }, TX_OPTIONS);
    const results = await Promise.allSettled(Array.from({ length: 20 }, create));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        messageKey: "request_limit_reached",
        values: { limit: 5 },
      });
    }
    const [row] = await env.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM quota_probe`;
    expect(row!.n).toBe(5);
  });
});

describe("changing the tariff", () => {
  it("applies an upgrade at once and a downgrade from the 1st of next month", async () => {
    const p = await activePartner("start");
    const ctx = await contextFor(p.token);
    const up = await changeTariff.run({ tariffSlug: "business" }, ctx);
    expect(up).toMatchObject({ ok: true, data: { immediate: true } });
    const limits = () => env.prisma.$transaction((tx) => lockPlanLimits(tx, p.partnerId, new Date()), TX_OPTIONS);
    expect((await limits()).users).toBe(10);
    const down = await changeTariff.run({ tariffSlug: "start" }, ctx);
    expect(down).toMatchObject({ ok: true, data: { immediate: false } });
    if (!down.ok) throw new Error();
    expect(new Date(down.data.effectiveFrom).getTime()).toBe(nextMonthStart(new Date()).getTime());
    expect((await limits()).users).toBe(10);
    const later = await env.prisma.$transaction(
      (tx) => lockPlanLimits(tx, p.partnerId, new Date(nextMonthStart(new Date()).getTime() + 1000)),
      TX_OPTIONS,
    );
    expect(later.users).toBe(3);
  });

  it("is the primary user's alone, and not in demo", async () => {
    const p = await activePartner("start");
    const full = await addMember(p.partnerId, "FULL");
    expect(await changeTariff.run({ tariffSlug: "business" }, await contextFor(full.token))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const demo = await registerPartner();
    expect(await changeTariff.run({ tariffSlug: "business" }, await contextFor(demo.token))).toMatchObject({
      ok: false,
      error: { key: "tariff_demo_locked" },
    });
  });
});

describe("orders and invoices", () => {
  it("number 20 parallel orders 1..20 without gaps or duplicates", async () => {
    const p = await activePartner("business");
    const ctx = await contextFor(p.token);
    const before = await env.prisma.invoice.count({ where: { companyId } });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => orderService.run({ serviceSlug: "consult" }, ctx)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = (await env.prisma.invoice.findMany({ where: { companyId }, select: { seq: true } }))
      .map((i) => i.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
  });

  it("offer only the demo services to a demo Partner", async () => {
    const demo = await registerPartner();
    await env.prisma.partner.update({ where: { id: demo.partnerId }, data: { outsourcingCompanyId: companyId } });
    const ctx = await contextFor(demo.token);
    expect(await orderService.run({ serviceSlug: "audit-check" }, ctx)).toMatchObject({
      ok: false,
      error: { key: "service_not_in_demo" },
    });
    expect(await orderService.run({ serviceSlug: "consult" }, ctx)).toMatchObject({ ok: true });
    const plan = await planLoader.run({ locale: "ru" }, { session: ctx.session });
    expect(plan.ok && plan.data.services.map((s) => s.slug)).toEqual(["consult"]);
  });

  it("print an invoice with Kazakh and Russian letters and the total in words, unchanged by a later price", async () => {
    const p = await activePartner("business");
    const ordered = await orderService.run({ serviceSlug: "audit-check" }, await contextFor(p.token));
    if (!ordered.ok) throw new Error(JSON.stringify(ordered.error));
    const service = await env.prisma.additionalService.findUniqueOrThrow({ where: { slug: "audit-check" } });
    const changed = await updateService.run(
      {
        serviceId: service.id,
        ...texts("Экспресс-аудит"),
        price: 150_000,
        availableInDemo: false,
        active: true,
        sortOrder: 0,
      },
      await contextFor(admin),
    );
    expect(changed.ok).toBe(true);
    const invoice = await env.prisma.invoice.findUniqueOrThrow({
      where: { id: ordered.data.invoiceId },
      include: { lines: true },
    });
    expect([invoice.totalTiyn, invoice.vatTiyn, invoice.lines[0]!.amountTiyn]).toEqual([
      12_000_000, 1_285_714, 12_000_000,
    ]);

    const read = await invoicePdfLoader.run(
      { invoiceId: invoice.id },
      { session: (await contextFor(p.token)).session },
    );
    if (!read.ok) throw new Error(read.code);
    const dir = await mkdtemp(join(tmpdir(), "invoice-"));
    try {
      await writeFile(join(dir, "i.pdf"), read.data.pdf);
      const text = (await extractText(join(dir, "i.pdf"), "application/pdf")) ?? "";
      expect(text).toContain("Счёт на оплату");
      expect(text).toContain("Қазақ Өнім");
      expect(text).toContain("Төлем шоты");
      expect(text).toContain("Сто двадцать тысяч тенге 00 тиын");
      expect(text).toContain("KZ86125KZT5004100100");
      expect(text).toContain("859");
      expect(text).toMatch(/120\s000,00/);
      expect(text).not.toMatch(/150\s000/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const downloads = await env.prisma.auditEvent.count({
      where: { action: "billing.invoice_downloaded", targetId: invoice.id },
    });
    expect(downloads).toBe(1);
    const other = await activePartner("business");
    expect(
      await invoicePdfLoader.run({ invoiceId: invoice.id }, { session: (await contextFor(other.token)).session }),
    ).toEqual({
      ok: false,
      code: "not_found",
    });
  });

  it("are marked paid by an admin operator only, once", async () => {
    const p = await activePartner("business");
    const ordered = await orderService.run({ serviceSlug: "consult" }, await contextFor(p.token));
    if (!ordered.ok) throw new Error();
    const input = { invoiceId: ordered.data.invoiceId };
    for (const token of [p.token, support]) {
      expect(await markInvoicePaid.run(input, await contextFor(token))).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    expect(await markInvoicePaid.run(input, await contextFor(admin))).toMatchObject({ ok: true });
    expect(await markInvoicePaid.run(input, await contextFor(admin))).toMatchObject({
      ok: false,
      error: { key: "invoice_not_open" },
    });
    expect(await cancelInvoice.run({ ...input, reason: "Ошибка" }, await contextFor(admin))).toMatchObject({
      ok: false,
    });
    const row = await env.prisma.invoice.findUniqueOrThrow({ where: { id: input.invoiceId } });
    expect(row.status).toBe("PAID");
    expect(await env.prisma.auditEvent.count({ where: { action: "billing.invoice_paid", targetId: row.id } })).toBe(1);
  });
});

describe("prices from a date", () => {
  it("add a future price, refuse a past date and support", async () => {
    const t = await env.prisma.tariff.findUniqueOrThrow({ where: { slug: "business" } });
    const future = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    expect(
      await addTariffPrice.run({ tariffId: t.id, amount: 35_000, effectiveFrom: future }, await contextFor(support)),
    ).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await addTariffPrice.run({ tariffId: t.id, amount: 35_000, effectiveFrom: future }, await contextFor(admin)),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await addTariffPrice.run({ tariffId: t.id, amount: 1, effectiveFrom: "2020-01-01" }, await contextFor(admin)),
    ).toMatchObject({ ok: false, error: { key: "price_date_past" } });
    const prices = await env.prisma.tariffPrice.findMany({
      where: { tariffId: t.id },
      orderBy: { effectiveFrom: "asc" },
    });
    expect(prices.map((x) => x.amount)).toEqual([30_000, 35_000]);
  });
});
