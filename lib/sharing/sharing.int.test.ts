import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { setClockForTests } from "@/lib/clock";
import { handleUpload } from "@/lib/documents/http";
import { makePdf } from "@/lib/documents/inspect/samples";
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
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { commentShared } from "./actions/comment";
import { createShare } from "./actions/create-share";
import { approveShared, rejectShared } from "./actions/decide";
import { revokeShare } from "./actions/revoke-share";
import { handleSharedDownload } from "./http";
import { documentSharesLoader, partnerSharesLoader, sharedDocumentLoader, sharedHomeLoader } from "./queries";

/**
 * Sharing with a counterparty (DOC-4): the counterparty reaches only the documents of its live
 * grants, every request reading the grant again (revocation and expiry stop even an open download),
 * each right is enforced on the server, every opening is in the Partner's view log, comments and
 * decisions cannot be changed.
 */

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let storage: TestStorage;
let restore: () => void;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof registerPartner>>;

function form(name: string, bytes: Buffer, fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append("file", new Blob([new Uint8Array(bytes)]), name);
  return new Request("http://localhost/api/v1/documents", { method: "POST", body });
}

async function upload(token: string, title: string) {
  const response = await handleUpload(
    form(`${title}.pdf`, makePdf([title]), { category: "contracts", title }),
    await contextFor(token),
    {},
  );
  const body = (await response.json()) as { documents: { id: string }[] };
  expect(response.status).toBe(201);
  return body.documents[0]!.id;
}

async function share(token: string, documentIds: string[], phone: string, extra: Record<string, unknown> = {}) {
  return createShare.run(
    {
      documentIds,
      phone,
      name: "Асқар Контрагентов",
      organisationName: "ТОО «Контрагент»",
      organisationBin: randomKzTaxId(),
      rights: ["view"],
      ...extra,
    },
    await contextFor(token),
  );
}

async function file(token: string, documentId: string, inline = false, headers: Record<string, string> = {}) {
  return handleSharedDownload(new Request("http://localhost/x", { headers }), await contextFor(token), {
    documentId,
    inline,
  });
}

async function read<T>(loader: { run: (i: unknown, c: never) => Promise<T> }, token: string, input: unknown = {}) {
  return loader.run(input, { session: await resolveSession(token), meta: meta() } as never);
}

beforeAll(async () => {
  db = await startIntegrationDatabase();
  storage = await testStorage("local");
  restore = setStorageForTests(storage.store);
  a = await registerPartner();
  b = await registerPartner();
});
afterAll(async () => {
  restore();
  await storage.stop();
  await db.close();
});

describe("sharing documents with a new counterparty", () => {
  let contract = "";
  let other = "";
  let phone = "";
  let token = "";
  let shareId = "";

  beforeAll(async () => {
    contract = await upload(a.token, "Договор поставки");
    other = await upload(a.token, "Внутренний приказ");
    phone = uniquePhone();
    const result = await share(a.token, [contract], phone, {
      rights: ["view", "comment", "approve"],
      allowDownload: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    shareId = result.data.id;
    token = await login(phone);
  });

  it("creates the person by phone with the name given, a grant for the document and an SMS job", async () => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { phone } });
    expect(person.name).toBe("Асқар Контрагентов");
    const grant = await db.prisma.shareGrant.findUniqueOrThrow({
      where: { id: shareId },
      include: { documents: true },
    });
    expect(grant.documents.map((d) => d.documentId)).toEqual([contract]);
    expect(grant.rights).toEqual(["view", "comment", "approve"]);
    const days = (grant.expiresAt.getTime() - grant.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    const [row] = await db.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'sms.send' AND data->>'to' = $1`,
      phone,
    );
    expect(row?.count).toBe(1);
    const session = await resolveSession(token);
    expect(session?.person?.id).toBe(person.id);
  });

  it("refuses a BIN with a wrong checksum and a document the member cannot see", async () => {
    const badBin = await share(a.token, [contract], uniquePhone(), { organisationBin: "123456789012" });
    expect(badBin.ok).toBe(false);
    const foreign = await upload(b.token, "Чужой договор");
    const result = await share(a.token, [foreign], uniquePhone());
    expect(result.ok ? null : result.error.code).toBe("not_found");
  });

  it("shows the counterparty only the shared document, grouped by the Partner", async () => {
    const home = await read(sharedHomeLoader, token);
    if (!home.ok) throw new Error(home.code);
    expect(home.data.map((p) => p.id)).toEqual([a.partnerId]);
    expect(home.data[0]!.documents.map((d) => d.documentId)).toEqual([contract]);
    expect((await read(sharedDocumentLoader, token, { documentId: contract })).ok).toBe(true);
    expect(await read(sharedDocumentLoader, token, { documentId: other })).toEqual({ ok: false, code: "not_found" });
    expect((await file(token, other)).status).toBe(404);
  });

  it("records every view and download in the Partner's log, with the version and IP, shown on the document", async () => {
    const viewed = await file(token, contract, true);
    expect(viewed.status).toBe(200);
    await viewed.body?.cancel();
    const downloaded = await file(token, contract);
    expect(downloaded.status).toBe(200);
    await downloaded.body?.cancel();
    const shares = await read(documentSharesLoader, a.token, { documentId: contract });
    if (!shares.ok) throw new Error(shares.code);
    const mine = shares.data.views.filter((v) => v.counterparty);
    expect(mine.map((v) => v.action).sort()).toEqual(["document.downloaded", "document.viewed"]);
    expect(mine.every((v) => v.versionNumber === 1 && v.ip && v.name === "Асқар Контрагентов")).toBe(true);
    expect(shares.data.shares[0]).toMatchObject({ id: shareId, live: true });
    const rows = await db.prisma.auditEvent.findMany({
      where: { targetId: contract, action: { in: ["document.viewed", "document.downloaded"] } },
    });
    expect(rows.every((r) => r.partnerId === a.partnerId && r.actorRole === "COUNTERPARTY")).toBe(true);
  });

  it("keeps the Partner's other members and other Partners out of the share list", async () => {
    const list = await read(partnerSharesLoader, a.token);
    expect(list.ok && list.data.map((s) => s.id)).toEqual([shareId]);
    const otherList = await read(partnerSharesLoader, b.token);
    expect(otherList.ok && otherList.data).toEqual([]);
    expect(await read(documentSharesLoader, b.token, { documentId: contract })).toEqual({
      ok: false,
      code: "not_found",
    });
    const restricted = await addMember(a.partnerId, "RESTRICTED", { documents: "view" });
    expect(await read(partnerSharesLoader, restricted.token)).toEqual({ ok: false, code: "not_found" });
    expect((await share(restricted.token, [contract], uniquePhone())).ok).toBe(false);
  });

  it("takes comments from both sides, hashed, and the database refuses to change them", async () => {
    const theirs = await commentShared.run({ documentId: contract, body: "Поправьте п. 3.2" }, await contextFor(token));
    expect(theirs.ok).toBe(true);
    const ours = await commentShared.run({ documentId: contract, body: "Исправили" }, await contextFor(a.token));
    expect(ours.ok).toBe(true);
    const doc = await read(sharedDocumentLoader, token, { documentId: contract });
    if (!doc.ok) throw new Error(doc.code);
    expect(doc.data.comments.map((c) => [c.side, c.body])).toEqual([
      ["counterparty", "Поправьте п. 3.2"],
      ["member", "Исправили"],
    ]);
    expect(doc.data.comments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE share_comment SET body = 'другое'`)).rejects.toThrow(/immutable/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM share_comment`)).rejects.toThrow(/immutable/);
    const told = await db.prisma.notification.findMany({ where: { kind: "share.comment" } });
    expect(told.map((n) => n.personId).sort()).toEqual([a.personId, doc.data.comments[0]!.authorId].sort());
  });

  it("approves a version, needs a reason to reject, and tells the Partner", async () => {
    const noReason = await rejectShared.run({ documentId: contract }, await contextFor(token));
    expect(noReason.ok ? null : noReason.error.code).toBe("invalid_input");
    const approved = await approveShared.run({ documentId: contract }, await contextFor(token));
    expect(approved.ok).toBe(true);
    const shares = await read(documentSharesLoader, a.token, { documentId: contract });
    expect(shares.ok && shares.data.decisions.map((d) => [d.decision, d.versionNumber])).toEqual([["APPROVED", 1]]);
    expect(await db.prisma.notification.count({ where: { kind: "share.decision", personId: a.personId } })).toBe(1);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE share_decision SET decision = 'REJECTED'`)).rejects.toThrow(
      /immutable/,
    );
  });

  it("stops an open download at its next request once revoked, and the counterparty loses the place", async () => {
    const first = await file(token, contract, false, { range: "bytes=0-9" });
    expect(first.status).toBe(206);
    await first.body?.cancel();
    const revoked = await revokeShare.run({ shareId }, await contextFor(a.token));
    expect(revoked.ok).toBe(true);
    expect((await file(token, contract, false, { range: "bytes=10-19" })).status).toBe(404);
    expect((await file(token, contract)).status).toBe(404);
    expect(await read(sharedDocumentLoader, token, { documentId: contract })).toEqual({
      ok: false,
      code: "not_found",
    });
    const again = await revokeShare.run({ shareId }, await contextFor(a.token));
    expect(again.ok).toBe(false);
  });
});

describe("rights and expiry", () => {
  let doc = "";
  let phone = "";
  let token = "";
  beforeAll(async () => {
    doc = await upload(a.token, "Акт сверки");
    phone = uniquePhone();
    const result = await share(a.token, [doc], phone, { rights: ["view"], watermark: true });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    token = await login(phone);
  });

  it("enforces each right on the server: no download, comment or decision without it", async () => {
    expect((await file(token, doc)).status).toBe(404);
    const comment = await commentShared.run({ documentId: doc, body: "Вопрос" }, await contextFor(token));
    expect(comment.ok ? null : comment.error.code).toBe("not_found");
    const approve = await approveShared.run({ documentId: doc }, await contextFor(token));
    expect(approve.ok ? null : approve.error.code).toBe("not_found");
    const reject = await rejectShared.run({ documentId: doc, reason: "Нет" }, await contextFor(token));
    expect(reject.ok ? null : reject.error.code).toBe("not_found");
    // A counterparty cannot create shares or list the Partner's.
    expect((await share(token, [doc], uniquePhone())).ok).toBe(false);
    expect(await read(partnerSharesLoader, token)).toEqual({ ok: false, code: "not_found" });
  });

  it("stamps the preview of a watermarked share with the viewer's name", async () => {
    const response = await file(token, doc, true);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const original = makePdf(["Акт сверки"]);
    expect(bytes.byteLength).toBeGreaterThan(original.byteLength);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(Buffer.from(bytes).includes(Buffer.from("DejaVuSans"))).toBe(true);
  });

  it("ends at expiry: the next request finds nothing", async () => {
    // The grant ends a minute from now; the clock then moves two minutes on (the session stays live).
    const ends = new Date(Date.now() + 60_000);
    await db.prisma.shareGrant.updateMany({ where: { person: { phone } }, data: { expiresAt: ends } });
    expect((await file(token, doc, true)).status).toBe(200);
    const undo = setClockForTests(() => new Date(ends.getTime() + 60_000));
    try {
      expect((await file(token, doc, true)).status).toBe(404);
      expect(await read(sharedDocumentLoader, token, { documentId: doc })).toEqual({ ok: false, code: "not_found" });
      expect(await read(sharedHomeLoader, token)).toEqual({ ok: false, code: "not_found" });
    } finally {
      undo();
    }
  });
});

describe("the JSON API", () => {
  const bearer = (token: string, init: RequestInit = {}) =>
    new Request("http://localhost/api", {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });

  it("shares (201 {id}), lists for the counterparty, downloads, and revokes (204) so the download stops", async () => {
    const { POST } = await import("@/app/api/v1/documents/[documentId]/shares/route");
    const { DELETE } = await import("@/app/api/v1/shares/[shareId]/route");
    const { GET: list } = await import("@/app/api/v1/shared-documents/route");
    const { GET: download } = await import("@/app/api/v1/shared-documents/[documentId]/download/route");
    const documentId = await upload(a.token, "Спецификация");
    const phone = uniquePhone();
    const params = { params: Promise.resolve({ documentId }) };
    const created = await POST(
      bearer(a.token, {
        method: "POST",
        body: JSON.stringify({
          phone,
          name: "Ерлан Мобильный",
          organisationName: "ТОО «Мобайл»",
          organisationBin: randomKzTaxId(),
          rights: ["view"],
          allowDownload: true,
        }),
      }),
      params,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const token = await login(phone);
    const items = (await (await list(bearer(token))).json()) as { items: { shareId: string; partnerName: string }[] };
    expect(items.items.map((i) => i.shareId)).toEqual([id]);
    const file = await download(bearer(token), params);
    expect(file.status).toBe(200);
    await file.body?.cancel();
    const revoked = await DELETE(bearer(a.token, { method: "DELETE" }), { params: Promise.resolve({ shareId: id }) });
    expect(revoked.status).toBe(204);
    expect((await download(bearer(token), params)).status).toBe(404);
  });
});
