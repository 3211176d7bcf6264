import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { formatTiyn, tengeInWords } from "./amount-in-words";
import type { InvoiceParty } from "./invoices";

const FONT_PACKAGE = "dejavu-fonts-ttf";

/**
 * DejaVu Sans: Cyrillic with every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and the tenge sign ₸. Looked up
 * from the working folder first: the server bundle rewrites `require.resolve` into a module id.
 */
function fontPath(bold = false): string {
  const file = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  const local = join(process.cwd(), "node_modules", FONT_PACKAGE, "ttf", file);
  if (existsSync(local)) return local;
  return join(dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`)), "ttf", file);
}

export interface PrintableInvoice {
  number: string;
  issuedAt: Date;
  supplier: InvoiceParty;
  buyer: InvoiceParty & { contract?: string | null };
  knp: string;
  vatRate: number | null;
  totalTiyn: number;
  vatTiyn: number;
  lines: {
    position: number;
    title: string;
    unit: string;
    quantity: number;
    unitPriceTiyn: number;
    amountTiyn: number;
  }[];
}

const date = (d: Date) =>
  new Intl.DateTimeFormat("ru-RU", {
    timeZone: "Asia/Almaty",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(d);

const party = (p: InvoiceParty) => [`БИН/ИИН ${p.taxId ?? "—"}`, p.name, p.address].filter(Boolean).join(", ");

/**
 * The invoice for bank transfer in the usual Kazakh layout ("Счёт на оплату"): the supplier's bank
 * block with ИИК, БИК, КБе and КНП, the number and date, supplier and buyer, the lines, the total in
 * figures and in words, and VAT as configured. Built in memory: an invoice is a page or two.
 */
export async function renderInvoicePdf(invoice: PrintableInvoice): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `Счёт на оплату № ${invoice.number}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("regular", fontPath());
  doc.registerFont("bold", fontPath(true));
  const left = 40;
  const width = doc.page.width - 80;

  doc.font("regular").fontSize(8).fillColor("#333");
  doc.text(
    "Внимание! Оплата данного счёта означает согласие с условиями оказания услуг. " +
      "Назар аударыңыз! Осы шотты төлеу қызмет көрсету шарттарымен келісуді білдіреді.",
    left,
    40,
    { width },
  );
  doc.moveDown(0.8);

  // The bank block: beneficiary and its account, the bank and its code, КБе and КНП.
  const top = doc.y;
  const rowH = 34;
  const col = [left, left + width * 0.55, left + width * 0.8, left + width];
  doc.lineWidth(0.6).strokeColor("#000");
  for (let r = 0; r <= 2; r++)
    doc
      .moveTo(col[0]!, top + r * rowH)
      .lineTo(col[3]!, top + r * rowH)
      .stroke();
  for (const x of col)
    doc
      .moveTo(x, top)
      .lineTo(x, top + 2 * rowH)
      .stroke();
  const cell = (text: string, x: number, y: number, w: number, bold = false) =>
    doc
      .font(bold ? "bold" : "regular")
      .fontSize(8.5)
      .fillColor("#000")
      .text(text, x + 3, y + 3, { width: w - 6 });
  const s = invoice.supplier;
  cell(`Бенефициар / Бенефициар:\n${s.name}\nБИН: ${s.taxId ?? "—"}`, col[0]!, top, col[1]! - col[0]!, false);
  cell(`ИИК\n${s.iban ?? "—"}`, col[1]!, top, col[2]! - col[1]!, true);
  cell(`Кбе\n${s.kbe ?? "—"}`, col[2]!, top, col[3]! - col[2]!, true);
  cell(`Банк бенефициара / Бенефициар банкі:\n${s.bankName ?? "—"}`, col[0]!, top + rowH, col[1]! - col[0]!);
  cell(`БИК\n${s.bik ?? "—"}`, col[1]!, top + rowH, col[2]! - col[1]!, true);
  cell(`Код назначения платежа\n${invoice.knp}`, col[2]!, top + rowH, col[3]! - col[2]!, true);
  doc.y = top + 2 * rowH + 14;

  doc
    .font("bold")
    .fontSize(14)
    .text(`Счёт на оплату № ${invoice.number} от ${date(invoice.issuedAt)} г.`, left, doc.y, {
      width,
    });
  doc
    .font("regular")
    .fontSize(9)
    .text(`Төлем шоты № ${invoice.number}, ${date(invoice.issuedAt)} ж.`, { width });
  doc.moveDown(0.6);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.2)
    .stroke();
  doc.moveDown(0.6);

  const labelled = (label: string, value: string) => {
    const y = doc.y;
    doc.font("regular").fontSize(9).text(label, left, y, { width: 95 });
    doc
      .font("bold")
      .fontSize(9)
      .text(value, left + 100, y, { width: width - 100 });
    doc.moveDown(0.5);
  };
  labelled("Поставщик / Жеткізуші:", party(invoice.supplier));
  labelled("Покупатель / Сатып алушы:", party(invoice.buyer));
  labelled("Договор / Шарт:", invoice.buyer.contract ?? "без договора");
  doc.moveDown(0.4);

  // Lines.
  const widths = [25, width - 25 - 50 - 45 - 85 - 90, 50, 45, 85, 90];
  const heads = ["№", "Наименование / Атауы", "Кол-во", "Ед.", "Цена, ₸", "Сумма, ₸"];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    const heights = cells.map((text, i) =>
      doc
        .font(bold ? "bold" : "regular")
        .fontSize(8.5)
        .heightOfString(text, { width: widths[i]! - 6 }),
    );
    const h = Math.max(...heights) + 6;
    cells.forEach((text, i) => {
      doc.rect(x, y, widths[i]!, h).lineWidth(0.6).stroke();
      doc
        .font(bold ? "bold" : "regular")
        .fontSize(8.5)
        .text(text, x + 3, y + 3, {
          width: widths[i]! - 6,
          align: i >= 2 ? "right" : "left",
        });
      x += widths[i]!;
    });
    doc.y = y + h;
  };
  row(heads, true);
  for (const line of invoice.lines) {
    row([
      String(line.position),
      line.title,
      String(line.quantity),
      line.unit,
      formatTiyn(line.unitPriceTiyn),
      formatTiyn(line.amountTiyn),
    ]);
  }
  doc.moveDown(0.6);
  const right = (text: string, bold = false) =>
    doc
      .font(bold ? "bold" : "regular")
      .fontSize(9.5)
      .text(text, left, doc.y, { width, align: "right" });
  right(`Итого: ${formatTiyn(invoice.totalTiyn)}`, true);
  right(
    invoice.vatRate
      ? `В том числе НДС ${invoice.vatRate}%: ${formatTiyn(invoice.vatTiyn)}`
      : "Без налога (НДС) / ҚҚС-сыз",
    true,
  );
  doc.moveDown(0.8);
  doc
    .font("regular")
    .fontSize(9)
    .text(`Всего наименований ${invoice.lines.length}, на сумму ${formatTiyn(invoice.totalTiyn)} KZT`, left, doc.y, {
      width,
    });
  doc
    .font("bold")
    .fontSize(9.5)
    .text(`Всего к оплате: ${tengeInWords(invoice.totalTiyn)}`, { width });
  doc.moveDown(0.6);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.2)
    .stroke();
  doc.moveDown(2);
  doc.font("regular").fontSize(9).text("Исполнитель / Орындаушы  ____________________", left, doc.y, { width });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
