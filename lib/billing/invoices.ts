import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { kzYear } from "./period";

type Tx = Prisma.TransactionClient;

/** Код назначения платежа printed on our invoices: payment for other services. */
export const INVOICE_KNP = "859";

export interface InvoiceParty {
  name: string;
  taxId: string | null;
  address: string | null;
  iban: string | null;
  bik: string | null;
  bankName: string | null;
  kbe?: string | null;
}

export interface NewInvoiceLine {
  title: string;
  unit: string;
  quantity: number;
  unitPriceTiyn: number;
}

/** VAT included in a total at a rate in percent (Kazakh prices are quoted with VAT), rounded to the tiyn. */
export function vatIncluded(totalTiyn: number, rate: number | null): number {
  if (!rate) return 0;
  return Math.round((totalTiyn * rate) / (100 + rate));
}

/**
 * Takes the supplier's next invoice number for the year in the caller's transaction. The upsert locks
 * the counter row until the transaction ends, so parallel invoices queue for numbers, and a rolled back
 * invoice gives its number back: numbers stay gap-free and unique per supplier and year.
 */
export async function nextInvoiceSeq(tx: Tx, companyId: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO invoice_counter ("companyId", year, last) VALUES (${companyId}::uuid, ${year}, 1)
    ON CONFLICT ("companyId", year) DO UPDATE SET last = invoice_counter.last + 1
    RETURNING last`;
  return row!.last;
}

/**
 * Issues an invoice from the Partner's serving company to the Partner, in the caller's transaction.
 * Requisites and amounts are copied onto the invoice, so later changes of prices, requisites or
 * the VAT setting never change an issued one.
 */
export async function issueInvoice(
  tx: Tx,
  args: { partnerId: string; lines: NewInvoiceLine[]; at: Date },
): Promise<{ id: string; number: string; totalTiyn: number }> {
  const partner = await tx.partner.findUnique({
    where: { id: args.partnerId },
    select: {
      name: true,
      taxId: true,
      legalAddress: true,
      iban: true,
      bik: true,
      bankName: true,
      contractNumber: true,
      contractDate: true,
      outsourcingCompany: true,
    },
  });
  if (!partner) throw new AppError("not_found");
  const company = partner.outsourcingCompany;
  if (!company) throw new AppError("conflict", "invoice_no_supplier");
  const supplier: InvoiceParty = {
    name: company.name,
    taxId: company.bin,
    address: company.address,
    iban: company.iik,
    bik: company.bik,
    bankName: company.bankName,
    kbe: company.kbe,
  };
  const buyer: InvoiceParty & { contract: string | null } = {
    name: partner.name,
    taxId: partner.taxId,
    address: partner.legalAddress,
    iban: partner.iban,
    bik: partner.bik,
    bankName: partner.bankName,
    contract: partner.contractNumber
      ? `${partner.contractNumber}${partner.contractDate ? ` от ${partner.contractDate.toISOString().slice(0, 10)}` : ""}`
      : null,
  };
  const year = kzYear(args.at);
  const seq = await nextInvoiceSeq(tx, company.id, year);
  const totalTiyn = args.lines.reduce((sum, line) => sum + line.unitPriceTiyn * line.quantity, 0);
  const invoice = await tx.invoice.create({
    data: {
      partnerId: args.partnerId,
      companyId: company.id,
      year,
      seq,
      number: String(seq),
      issuedAt: args.at,
      supplier: { ...supplier },
      buyer: { ...buyer },
      knp: INVOICE_KNP,
      vatRate: company.vatRate,
      totalTiyn,
      vatTiyn: vatIncluded(totalTiyn, company.vatRate),
    },
    select: { id: true, number: true },
  });
  await tx.invoiceLine.createMany({
    data: args.lines.map((line, index) => ({
      partnerId: args.partnerId,
      invoiceId: invoice.id,
      position: index + 1,
      title: line.title,
      unit: line.unit,
      quantity: line.quantity,
      unitPriceTiyn: line.unitPriceTiyn,
      amountTiyn: line.unitPriceTiyn * line.quantity,
    })),
  });
  return { ...invoice, totalTiyn };
}
