import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "@/lib/documents/inspect/samples";
import { resolveSession } from "@/lib/auth/session";
import { setStorageForTests } from "@/lib/storage";
import {
  addMember,
  contextFor,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { testStorage, type TestStorage } from "@/lib/testing/storage";
import { sendDocument } from "./actions/send";
import { handleDownload, handleUpload } from "./http";
import { documentDetailLoader, documentLibraryLoader, deskDocumentsLoader } from "./queries";

/**
 * Who sees which document through every route (library, search, detail, download), the exchange
 * with the outsourcer and its read receipts, versions, the quota under parallel uploads, and what
 * the database refuses to change.
 */

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let storage: TestStorage;
let restore: () => void;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof registerPartner>>;
let hrOnly: Awaited<ReturnType<typeof addMember>>;
let accountant: { personId: string; token: string };
let otherAccountant: { personId: string; token: string };

async function staffOf(company: string, partnerId: string | null) {
  const phone = uniquePhone();
  const person = await db.prisma.person.create({
    data: { phone, name: `Бухгалтер ${phone.slice(-4)}`, adultConfirmedAt: new Date() },
  });
  const member = await db.prisma.staffMember.create({
    data: { companyId: company, personId: person.id, role: "ACCOUNTANT" },
  });
  if (partnerId)
    await db.prisma.staffAssignment.create({
      data: { partnerId, staffMemberId: member.id, responsibility: "ACCOUNTING" },
    });
  return { personId: person.id, token: await login(phone) };
}

beforeAll(async () => {
  db = await startIntegrationDatabase();
  storage = await testStorage("local");
  restore = setStorageForTests(storage.store);
  a = await registerPartner();
  b = await registerPartner();
  hrOnly = await addMember(a.partnerId, "RESTRICTED", { documents: "edit" });
  await db.prisma.membership.updateMany({ where: { personId: hrOnly.personId }, data: { documentCategories: ["hr"] } });
  const company = await db.prisma.outsourcingCompany.create({ data: { name: `Аутсорсинг ${uniquePhone()}` } });
  const other = await db.prisma.outsourcingCompany.create({ data: { name: `Другой ${uniquePhone()}` } });
  await db.prisma.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: company.id } });
  await db.prisma.partner.update({ where: { id: b.partnerId }, data: { outsourcingCompanyId: other.id } });
  accountant = await staffOf(company.id, a.partnerId);
  otherAccountant = await staffOf(other.id, b.partnerId);
});
afterAll(async () => {
  restore();
  await storage.stop();
  await db.close();
});

function form(name: string, bytes: Buffer, fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append("file", new Blob([new Uint8Array(bytes)]), name);
  return new Request("http://localhost/api/v1/documents", { method: "POST", body });
}

async function upload(
  token: string,
  title: string,
  category: string,
  target: { partnerId?: string; documentId?: string } = {},
  bytes = makePdf([title]),
) {
  const response = await handleUpload(
    form(`${title}.pdf`, bytes, { category, title }),
    await contextFor(token),
    target,
  );
  const body = (await response.json()) as {
    documents: { id: string; version: { id: string; sha256: string } }[];
    duplicate?: boolean;
    error?: string;
  };
  return { status: response.status, body, id: body.documents?.[0]?.id ?? "" };
}

async function download(token: string, documentId: string, headers: Record<string, string> = {}, versionId?: string) {
  return handleDownload(new Request("http://localhost/x", { headers }), await contextFor(token), {
    documentId,
    versionId,
    inline: false,
  });
}

async function library(token: string, input: Record<string, unknown> = {}) {
  const result = await documentLibraryLoader.run(input, { session: await resolveSession(token), meta: meta() });
  if (!result.ok) throw new Error(result.code);
  return result.data.items.map((i) => i.title);
}

describe("a RESTRICTED member with documents for HR only", () => {
  let hrDoc = "";
  let contract = "";
  beforeAll(async () => {
    hrDoc = (await upload(a.token, "Приказ о приёме Иванова", "hr")).id;
    contract = (await upload(a.token, "Договор поставки Иванова", "contracts")).id;
  });

  it("sees HR documents only in the list and in search", async () => {
    expect(await library(hrOnly.token)).toEqual(["Приказ о приёме Иванова"]);
    expect(await library(hrOnly.token, { q: "Иванова" })).toEqual(["Приказ о приёме Иванова"]);
    expect(await library(hrOnly.token, { category: "contracts" })).toEqual([]);
    expect(await library(a.token, { q: "иванов" })).toEqual(
      expect.arrayContaining(["Приказ о приёме Иванова", "Договор поставки Иванова"]),
    );
  });

  it("gets not-found for another category's document by detail and by direct download, and may not upload into it", async () => {
    const session = await resolveSession(hrOnly.token);
    expect(await documentDetailLoader.run({ documentId: contract }, { session, meta: meta() })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect((await documentDetailLoader.run({ documentId: hrDoc }, { session, meta: meta() })).ok).toBe(true);
    expect((await download(hrOnly.token, contract)).status).toBe(404);
    const own = await download(hrOnly.token, hrDoc);
    expect(own.status).toBe(200);
    await own.body?.cancel();
    expect((await upload(hrOnly.token, "Новый договор", "contracts")).status).toBe(403);
    expect((await upload(hrOnly.token, "Новая версия", "contracts", { documentId: contract })).status).toBe(404);
  });
});

describe("the exchange with the outsourcing company", () => {
  it("a sent document reaches the serving company's staff as new; opening it shows the Partner who opened it and when", async () => {
    const draft = await upload(a.token, "Первичка за март", "acts_invoices");
    // A draft is the Partner's own: the accountant cannot see it.
    expect((await download(accountant.token, draft.id)).status).toBe(404);
    const sent = await sendDocument.run({ documentId: draft.id }, await contextFor(a.token));
    expect(sent.ok).toBe(true);
    const desk = await deskDocumentsLoader.run(
      { unread: "1" },
      { session: await resolveSession(accountant.token), meta: meta() },
    );
    expect(desk.ok && desk.data.items.map((i) => [i.title, i.isNew])).toEqual([["Первичка за март", true]]);
    // Staff of another company see nothing of it.
    expect((await download(otherAccountant.token, draft.id)).status).toBe(404);
    const opened = await download(accountant.token, draft.id);
    expect(opened.status).toBe(200);
    await opened.body?.cancel();
    const detail = await documentDetailLoader.run(
      { documentId: draft.id },
      { session: await resolveSession(a.token), meta: meta() },
    );
    expect(detail.ok && detail.data.receipts.map((r) => r.person.name)).toEqual([expect.stringContaining("Бухгалтер")]);
    const again = await deskDocumentsLoader.run(
      { unread: "1" },
      { session: await resolveSession(accountant.token), meta: meta() },
    );
    expect(again.ok && again.data.items).toEqual([]);
  });

  it("staff send a tax report to a Partner they serve, which lands in the Partner's inbox; not to one they do not", async () => {
    const report = await upload(accountant.token, "Форма 910 за 1 полугодие", "tax_reports", {
      partnerId: a.partnerId,
    });
    expect(report.status).toBe(201);
    expect(await library(a.token, { unread: "1" })).toEqual(["Форма 910 за 1 полугодие"]);
    expect((await upload(accountant.token, "Чужой отчёт", "tax_reports", { partnerId: b.partnerId })).status).toBe(404);
    // The RESTRICTED member without tax reports does not see it at all.
    expect(await library(hrOnly.token, { unread: "1" })).toEqual([]);
  });

  it("the inbox count holds what the reader may see and has not opened: not a version waiting for its scan, not once opened", async () => {
    const inbox = async (token: string) => {
      const result = await documentLibraryLoader.run({}, { session: await resolveSession(token), meta: meta() });
      if (!result.ok) throw new Error(result.code);
      return result.data.unread;
    };
    const [before, hrBefore] = [await inbox(a.token), await inbox(hrOnly.token)];
    const act = await upload(accountant.token, "Акт сверки за май", "acts_invoices", { partnerId: a.partnerId });
    expect(act.status).toBe(201);
    expect(await inbox(a.token)).toBe(before + 1);
    // Not a category the RESTRICTED member was given.
    expect(await inbox(hrOnly.token)).toBe(hrBefore);
    // A version waiting for its scan is not offered to the Partner, nor counted; once clean it is.
    const version = act.body.documents[0]!.version.id;
    await db.prisma.documentVersion.update({ where: { id: version }, data: { scanStatus: "PENDING" } });
    expect(await inbox(a.token)).toBe(before);
    expect(await library(a.token, { unread: "1" })).not.toContain("Акт сверки за май");
    await db.prisma.documentVersion.update({ where: { id: version }, data: { scanStatus: "CLEAN" } });
    expect(await inbox(a.token)).toBe(before + 1);
    // Opened by this reader: no longer new for them.
    const opened = await download(a.token, act.id);
    expect(opened.status).toBe(200);
    await opened.body?.cancel();
    expect(await inbox(a.token)).toBe(before);
  });

  it("the database keeps a sent document and its versions as they were sent", async () => {
    const doc = await upload(a.token, "Договор аренды", "contracts");
    await sendDocument.run({ documentId: doc.id }, await contextFor(a.token));
    await expect(db.prisma.document.update({ where: { id: doc.id }, data: { title: "Подменено" } })).rejects.toThrow(
      /keeps what it was sent/,
    );
    await expect(db.prisma.documentVersion.deleteMany({ where: { documentId: doc.id } })).rejects.toThrow(
      /never removed/,
    );
    await expect(db.prisma.document.delete({ where: { id: doc.id } })).rejects.toThrow();
    await expect(
      db.prisma.documentVersion.updateMany({ where: { documentId: doc.id }, data: { sha256: "0".repeat(64) } }),
    ).rejects.toThrow(/immutable/);
  });
});

describe("versions", () => {
  it("a new version is an upload onto the document; equal bytes are reported, not stored twice; every version stays downloadable", async () => {
    const first = await upload(a.token, "Устав", "constituent", {}, makePdf(["Устав v1"]));
    const objects = (await storage.keys()).length;
    const same = await upload(a.token, "Устав", "constituent", { documentId: first.id }, makePdf(["Устав v1"]));
    expect([same.status, same.body.duplicate]).toEqual([200, true]);
    expect((await storage.keys()).length).toBe(objects);
    const second = await upload(a.token, "Устав", "constituent", { documentId: first.id }, makePdf(["Устав v2"]));
    expect(second.status).toBe(201);
    const versions = await db.prisma.documentVersion.findMany({
      where: { documentId: first.id },
      orderBy: { number: "asc" },
    });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const old = await download(a.token, first.id, {}, versions[0]!.id);
    expect(Buffer.from(await old.arrayBuffer()).equals(makePdf(["Устав v1"]))).toBe(true);
    // The other side cannot add versions to the Partner's document.
    expect((await upload(accountant.token, "Устав", "constituent", { documentId: first.id })).status).toBe(404);
  });

  it("serves byte ranges and records one download per opening", async () => {
    const doc = await upload(a.token, "Выписка", "other", {}, makePdf(["Выписка из банка"]));
    const before = await db.prisma.auditEvent.count({ where: { action: "document.downloaded", targetId: doc.id } });
    const head = await download(a.token, doc.id, { range: "bytes=0-9" });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toMatch(/^bytes 0-9\//);
    expect(Buffer.from(await head.arrayBuffer()).toString("latin1")).toBe(
      makePdf(["Выписка из банка"]).subarray(0, 10).toString("latin1"),
    );
    const tail = await download(a.token, doc.id, { range: "bytes=10-" });
    expect(tail.status).toBe(206);
    await tail.body?.cancel();
    expect((await download(a.token, doc.id, { range: "bytes=999999-" })).status).toBe(416);
    expect(await db.prisma.auditEvent.count({ where: { action: "document.downloaded", targetId: doc.id } })).toBe(
      before + 1,
    );
  });
});

describe("the storage quota", () => {
  it("stays exact under 10 parallel uploads at the limit", async () => {
    const c = await registerPartner();
    await db.prisma.partner.update({ where: { id: c.partnerId }, data: { storageLimitMb: 1 } });
    // Each file is 300,000 bytes: three fit in 1 MiB (1,048,576), a fourth does not.
    const file = (i: number) =>
      Buffer.concat([makePdf([`Файл ${i}`]), Buffer.alloc(300_000 - makePdf([`Файл ${i}`]).length, 0x20)]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => upload(c.token, `Файл ${i}`, "other", {}, file(i))),
    );
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(3);
    expect(results.filter((r) => r.status === 413).every((r) => r.body.error === "quota_exceeded")).toBe(true);
    const partner = await db.prisma.partner.findUniqueOrThrow({ where: { id: c.partnerId } });
    expect(partner.storageUsedBytes).toBe(900_000n);
    expect(await db.prisma.documentVersion.count({ where: { partnerId: c.partnerId } })).toBe(3);
    const keys = await storage.keys();
    expect(keys.filter((k) => k.includes(c.partnerId))).toHaveLength(3);
    // Declared too big for what is left: refused before a byte is read.
    const early = await upload(c.token, "Ещё файл", "other", {}, file(11));
    expect([early.status, early.body.error]).toEqual([413, "quota_exceeded"]);
  });
});

describe("the API's cross-tenant answers", () => {
  it("another Partner's primary user gets not-found for A's documents everywhere", async () => {
    const doc = await upload(a.token, "Секретный договор", "contracts");
    expect((await download(b.token, doc.id)).status).toBe(404);
    expect(await library(b.token, { q: "Секретный" })).toEqual([]);
    expect((await upload(b.token, "Подмена", "contracts", { documentId: doc.id })).status).toBe(404);
    expect((await sendDocument.run({ documentId: doc.id }, await contextFor(b.token))).ok).toBe(false);
  });
});
