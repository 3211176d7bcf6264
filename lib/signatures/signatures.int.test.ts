import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { setClockForTests } from "@/lib/clock";
import { commitVersion } from "@/lib/documents/actions/add-version";
import { extractText } from "@/lib/documents/extract-text";
import { documentDetailLoader } from "@/lib/documents/queries";
import {
  addMember,
  contextFor,
  lastCode,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { POST as routesPost } from "@/app/api/v1/documents/[documentId]/routes/route";
import { POST as codePost } from "@/app/api/v1/signatures/[routeStepId]/code/route";
import { POST as signPost } from "@/app/api/v1/signatures/[routeStepId]/sign/route";
import { createRoute } from "./actions/create-route";
import { approveStep, declineStep, requestSignCode, signStep } from "./actions/sign";
import { VERIFY_PER_IP_PER_HOUR } from "./constants";
import { handleVerify } from "./http";
import { documentRoutesLoader, signatureSheetLoader, verifyLinkLoader, verifyLoader } from "./queries";
import { runSignatureReminderPass } from "./remind";
import { signatureSheetPdf } from "./sheet";

/**
 * Routes for approval and signature, simple electronic signatures, the signature sheet and the
 * public check (DOC-5), on a real database: who may send and sign what (others find nothing), the
 * order of a sequential route, three wrong codes void the code, what a signature records, a signed
 * version cannot be replaced, signatures cannot be changed even by SQL, the sheet lists the signers,
 * the public check matches only the signed bytes and tells nothing else, and reminders go once.
 */

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof registerPartner>>;
let full: Awaited<ReturnType<typeof addMember>>;
let restrictedEditor: Awaited<ReturnType<typeof addMember>>;
let manager: { personId: string; phone: string; token: string };
let offset = 0;
let restoreClock: () => void;
const later = (ms: number) => {
  offset += ms;
};

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A document of Partner A with one version of these bytes (the bytes themselves are not stored: only their hash matters here). */
async function documentOfA(bytes: Buffer, shape: { title?: string; sentToCompany?: boolean } = {}) {
  const company = await db.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } });
  const sent = shape.sentToCompany === true;
  const document = await db.prisma.document.create({
    data: {
      partnerId: a.partnerId,
      category: "contracts",
      title: shape.title ?? "Договор поставки № 7",
      direction: sent ? "TO_OUTSOURCER" : "INTERNAL",
      status: sent ? "SENT" : "DRAFT",
      createdById: a.personId,
      companyId: sent ? company.outsourcingCompanyId : null,
      sentById: sent ? a.personId : null,
      sentAt: sent ? new Date() : null,
      versionCount: 1,
    },
  });
  const version = await db.prisma.documentVersion.create({
    data: {
      partnerId: a.partnerId,
      documentId: document.id,
      number: 1,
      storageKey: `documents/signatures-test/${randomBytes(8).toString("hex")}`,
      originalName: "dogovor.pdf",
      mime: "application/pdf",
      size: BigInt(bytes.length),
      sha256: sha(bytes),
      uploadedById: a.personId,
    },
  });
  await db.prisma.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
  return { documentId: document.id, versionId: version.id };
}

const counterparty = (phone: string, name = "Асқар Контрагентов") => ({
  kind: "counterparty" as const,
  phone,
  name,
  organisationName: "ТОО «Қарағанды Жабдық»",
  organisationBin: randomKzTaxId(),
});

async function read<T>(loader: { run: (i: unknown, c: never) => Promise<T> }, token: string, input: unknown) {
  return loader.run(input, { session: await resolveSession(token), meta: meta() } as never);
}

async function askCode(token: string, stepId: string) {
  later(61_000); // past the resend pause of the phone's previous code
  const sent = await requestSignCode.run({ stepId }, await contextFor(token));
  return sent;
}

beforeAll(async () => {
  db = await startIntegrationDatabase();
  restoreClock = setClockForTests(() => new Date(Date.now() + offset));
  a = await registerPartner();
  b = await registerPartner();
  full = await addMember(a.partnerId, "FULL");
  restrictedEditor = await addMember(a.partnerId, "RESTRICTED", { documents: "edit" });
  await db.prisma.membership.updateMany({
    where: { personId: restrictedEditor.personId },
    data: { documentCategories: ["contracts"] },
  });
  const company = await db.prisma.outsourcingCompany.create({ data: { name: `Аутсорсинг ${uniquePhone()}` } });
  await db.prisma.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: company.id } });
  const phone = uniquePhone();
  const person = await db.prisma.person.create({
    data: { phone, name: "Менеджер Аутсорсинга", adultConfirmedAt: new Date() },
  });
  await db.prisma.staffMember.create({ data: { companyId: company.id, personId: person.id, role: "MANAGER" } });
  manager = { personId: person.id, phone, token: await login(phone) };
});
afterAll(async () => {
  restoreClock();
  await db.close();
});

describe("a contract signed by the Partner and its counterparty, in order", () => {
  const bytes = Buffer.from(`%PDF-1.4 договор поставки ${randomBytes(8).toString("hex")}`);
  let documentId = "";
  let versionId = "";
  let routeId = "";
  let shortId = "";
  let partnerStep = "";
  let counterpartyStep = "";
  const cpPhone = uniquePhone();
  let cpToken = "";

  beforeAll(async () => {
    ({ documentId, versionId } = await documentOfA(bytes));
  });

  it("is sent by a member who may edit documents; others find nothing", async () => {
    const signers = [{ kind: "member", personId: a.personId }, counterparty(cpPhone)];
    const input = { documentId, purpose: "SIGNATURE", ordering: "SEQUENTIAL", signers };
    for (const token of [b.token, manager.token]) {
      const refused = await createRoute.run(input, await contextFor(token));
      expect(refused.ok ? "ok" : refused.error.code).toBe("not_found");
    }
    // A RESTRICTED editor without the sharing right may not bring in a counterparty.
    const noSharing = await createRoute.run(input, await contextFor(restrictedEditor.token));
    expect(noSharing.ok ? "ok" : noSharing.error.key).toBe("route_counterparty_forbidden");
    // Staff sign only what went to their company.
    const notSent = await createRoute.run(
      { ...input, signers: [{ kind: "staff", personId: manager.personId }] },
      await contextFor(a.token),
    );
    expect(notSent.ok ? "ok" : notSent.error.fieldErrors?.signers).toEqual([
      "Сотрудники аутсорсинговой компании могут подписывать только документы, которые ей отправлены.",
    ]);

    const created = await createRoute.run(input, await contextFor(a.token));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    routeId = created.data.id;
    shortId = created.data.shortId;
    [partnerStep, counterpartyStep] = created.data.steps.sort((x, y) => x.position - y.position).map((s) => s.id) as [
      string,
      string,
    ];
    const route = await db.prisma.signatureRoute.findUniqueOrThrow({ where: { id: routeId } });
    expect(route).toMatchObject({ versionId, sha256: sha(bytes), status: "ACTIVE", purpose: "SIGNATURE" });
    // The counterparty got a share with the sign right (and its SMS job).
    const grant = await db.prisma.shareGrant.findFirstOrThrow({
      where: { person: { phone: cpPhone } },
      include: { documents: true },
    });
    expect(grant.rights).toContain("sign");
    expect(grant.documents.map((d) => d.documentId)).toEqual([documentId]);
    // A second route while this one lives is refused.
    const again = await createRoute.run(input, await contextFor(a.token));
    expect(again.ok ? "ok" : again.error.key).toBe("route_already_active");
    cpToken = await login(cpPhone);
  });

  it("lets step 2 act only after step 1, and nobody act on another's step", async () => {
    const early = await askCode(cpToken, counterpartyStep);
    expect(early.ok ? "ok" : early.error.key).toBe("route_not_your_turn");
    const earlySign = await signStep.run({ stepId: counterpartyStep, code: "123456" }, await contextFor(cpToken));
    expect(earlySign.ok ? "ok" : earlySign.error.key).toBe("route_not_your_turn");
    for (const token of [full.token, b.token, manager.token, cpToken]) {
      const foreign = await askCode(token, partnerStep);
      expect(foreign.ok ? "ok" : foreign.error.code).toBe("not_found");
    }
    // Only the first person was told it is their turn; the counterparty not yet.
    expect(
      await db.prisma.notification.count({ where: { kind: "signature.turn", link: { contains: documentId } } }),
    ).toBe(0);
  });

  it("voids the code after three wrong ones", async () => {
    const sent = await askCode(a.token, partnerStep);
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    const code = await lastCode(a.phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) {
      const result = await signStep.run({ stepId: partnerStep, code: wrong }, await contextFor(a.token));
      expect(result.ok ? "ok" : result.error.fieldErrors?.code).toEqual([
        "Неверный или просроченный код. Запросите новый.",
      ]);
    }
    const voided = await signStep.run({ stepId: partnerStep, code }, await contextFor(a.token));
    expect(voided.ok).toBe(false);
    const row = await db.prisma.otpCode.findFirstOrThrow({
      where: { phone: a.phone, purpose: "SIGN" },
      orderBy: { createdAt: "desc" },
    });
    expect([row.failedAttempts, row.voidedAt !== null, row.consumedAt]).toEqual([3, true, null]);
    expect(await db.prisma.signature.count({ where: { routeId } })).toBe(0);
  });

  it("records who, when, IP, user agent and the version's SHA-256; then the counterparty's turn comes", async () => {
    expect((await askCode(a.token, partnerStep)).ok).toBe(true);
    const ctx = await contextFor(a.token);
    ctx.meta = { ...ctx.meta, ip: "198.51.100.7", userAgent: "Mozilla/5.0 (signing test)" };
    const signed = await signStep.run({ stepId: partnerStep, code: await lastCode(a.phone) }, ctx);
    expect(signed.ok, JSON.stringify(signed)).toBe(true);
    const signature = await db.prisma.signature.findUniqueOrThrow({ where: { stepId: partnerStep } });
    expect(signature).toMatchObject({
      personId: a.personId,
      versionId,
      sha256: sha(bytes),
      method: "SMS",
      ip: "198.51.100.7",
      userAgent: "Mozilla/5.0 (signing test)",
    });
    const turn = await db.prisma.notification.findFirstOrThrow({
      where: { kind: "signature.turn", person: { phone: cpPhone } },
    });
    expect(turn.link).toBe(`/shared/documents/${documentId}`);
    // The same code cannot sign twice.
    const twice = await signStep.run({ stepId: partnerStep, code: await lastCode(a.phone) }, ctx);
    expect(twice.ok ? "ok" : twice.error.key).toBe("route_step_done");
  });

  it("refuses a new version of the document while it is being signed", async () => {
    const file = {
      storageKey: `documents/signatures-test/${randomBytes(8).toString("hex")}`,
      originalName: "dogovor-v2.pdf",
      mime: "application/pdf",
      size: 1000,
      sha256: randomBytes(32).toString("hex"),
      scanStatus: "NOT_SCANNED",
    };
    const refused = await commitVersion.run({ documentId, file }, await contextFor(a.token));
    expect(refused.ok ? "ok" : refused.error.message).toBe(
      "Документ на подписании: новую версию можно добавить после его окончания.",
    );
  });

  it("completes when the counterparty signs; the sender is told", async () => {
    expect((await askCode(cpToken, counterpartyStep)).ok).toBe(true);
    const signed = await signStep.run(
      { stepId: counterpartyStep, code: await lastCode(cpPhone) },
      await contextFor(cpToken),
    );
    expect(signed.ok, JSON.stringify(signed)).toBe(true);
    if (signed.ok) expect(signed.data.routeStatus).toBe("COMPLETED");
    const signature = await db.prisma.signature.findUniqueOrThrow({ where: { stepId: counterpartyStep } });
    expect(signature).toMatchObject({ organisationName: "ТОО «Қарағанды Жабдық»", sha256: sha(bytes) });
    expect(await db.prisma.notification.count({ where: { personId: a.personId, kind: "signature.completed" } })).toBe(
      1,
    );
    const seen = await read(documentRoutesLoader, cpToken, { documentId });
    expect(seen.ok && seen.data.routes[0]!.steps.map((s) => s.status)).toEqual(["SIGNED", "SIGNED"]);
  });

  it("keeps the signed version: no new version, not even by SQL; signatures are never changed", async () => {
    const file = {
      storageKey: `documents/signatures-test/${randomBytes(8).toString("hex")}`,
      originalName: "dogovor-v2.pdf",
      mime: "application/pdf",
      size: 1000,
      sha256: randomBytes(32).toString("hex"),
      scanStatus: "NOT_SCANNED",
    };
    const refused = await commitVersion.run({ documentId, file }, await contextFor(a.token));
    expect(refused.ok ? "ok" : refused.error.key).toBe("document_signed");
    const detail = await read(documentDetailLoader, a.token, { documentId });
    expect(detail.ok && detail.data.canAddVersion).toBe(false);
    await expect(
      db.asOwner((c) => c.query(`UPDATE document SET "currentVersionId" = NULL WHERE id = $1`, [documentId])),
    ).rejects.toThrow(/under signature/);
    await expect(
      db.prisma.signature.updateMany({ where: { routeId }, data: { sha256: "0".repeat(64) } }),
    ).rejects.toThrow();
    await expect(db.prisma.signature.deleteMany({ where: { routeId } })).rejects.toThrow();
    await expect(
      db.asOwner((c) => c.query(`UPDATE signature SET ip = '10.0.0.1' WHERE "routeId" = $1`, [routeId])),
    ).rejects.toThrow(/immutable/);
    await expect(db.asOwner((c) => c.query(`DELETE FROM signature WHERE "routeId" = $1`, [routeId]))).rejects.toThrow(
      /immutable/,
    );
    await expect(db.asOwner((c) => c.query(`TRUNCATE signature`))).rejects.toThrow(/immutable/);
    await expect(
      db.asOwner((c) => c.query(`UPDATE signature_route_step SET status = 'WAITING' WHERE "routeId" = $1`, [routeId])),
    ).rejects.toThrow(/outcome/);
    await expect(
      db.asOwner((c) => c.query(`UPDATE signature_route SET sha256 = $2 WHERE id = $1`, [routeId, "1".repeat(64)])),
    ).rejects.toThrow(/keeps what was sent/);
    expect(await db.prisma.signature.count({ where: { routeId } })).toBe(2);
  });

  it("prints both signers on the signature sheet, for those who see the document only", async () => {
    const sheet = await read(signatureSheetLoader, a.token, { documentId, versionId });
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(sheet.data.signatures.map((s) => s.signerName)).toEqual([
      (await db.prisma.person.findUniqueOrThrow({ where: { id: a.personId } })).name,
      "Асқар Контрагентов",
    ]);
    const pdf = await signatureSheetPdf(sheet.data, "kk");
    const dir = await mkdtemp(path.join(tmpdir(), "sheet-"));
    try {
      const file = path.join(dir, "sheet.pdf");
      await writeFile(file, pdf);
      const text = (await extractText(file, "application/pdf")) ?? "";
      expect(text).toContain("Қолтаңбалар парағы");
      expect(text).toContain("Асқар Контрагентов");
      expect(text).toContain(sheet.data.signatures[0]!.signerName);
      expect(text).toContain("198.51.100.7");
      expect(text.replace(/\s+/g, "")).toContain(sha(bytes));
      expect(text).toContain(`/verify/${shortId}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await read(signatureSheetLoader, cpToken, { documentId, versionId })).ok).toBe(true);
    for (const token of [b.token, manager.token])
      expect(await read(signatureSheetLoader, token, { documentId, versionId })).toEqual({
        ok: false,
        code: "not_found",
      });
  });

  it("confirms the signed bytes publicly, refuses a changed copy, and tells nothing else", async () => {
    const answer = await verifyLoader.run({ sha256: sha(bytes) }, { session: null });
    expect(answer.ok).toBe(true);
    if (!answer.ok || !answer.data.match) throw new Error("no match");
    expect(Object.keys(answer.data).sort()).toEqual(["documents", "match", "sha256"]);
    expect(answer.data.documents).toHaveLength(1);
    const [doc] = answer.data.documents;
    expect(Object.keys(doc!).sort()).toEqual(["partnerName", "signers", "title"]);
    expect(doc!.title).toBe("Договор поставки № 7");
    expect(doc!.signers.map((s) => [s.method, Object.keys(s).sort()])).toEqual([
      ["SMS", ["method", "name", "organisationName", "signedAt"]],
      ["SMS", ["method", "name", "organisationName", "signedAt"]],
    ]);
    expect(JSON.stringify(answer.data)).not.toMatch(/198\.51|\+7|[0-9a-f]{8}-[0-9a-f]{4}/);

    const changed = Buffer.concat([bytes, Buffer.from(" ")]);
    expect(await verifyLoader.run({ sha256: sha(changed) }, { session: null })).toEqual({
      ok: true,
      data: { match: false },
    });
    // From the sheet's link: THAT version only.
    expect((await verifyLoader.run({ sha256: sha(bytes), shortId }, { session: null })).ok).toBe(true);
    expect(await verifyLoader.run({ sha256: sha(changed), shortId }, { session: null })).toEqual({
      ok: true,
      data: { match: false },
    });
    expect(await verifyLinkLoader.run({ shortId }, { session: null })).toEqual({
      ok: true,
      data: { title: "Договор поставки № 7", partnerName: expect.any(String) },
    });
  });

  it("limits public checks per address", async () => {
    const from = meta("192.0.2.77");
    for (let i = 0; i < VERIFY_PER_IP_PER_HOUR; i++)
      expect((await handleVerify(from, { sha256: sha(bytes) })).status).toBe(200);
    const limited = await handleVerify(from, { sha256: sha(bytes) });
    expect(limited.status).toBe(429);
    expect((await handleVerify(meta("192.0.2.78"), { sha256: "nope" })).status).toBe(400);
  });
});

describe("approval, declining, reminders and deadlines", () => {
  it("an approval route in parallel: staff and a member approve, no codes", async () => {
    const { documentId } = await documentOfA(Buffer.from(`акт ${randomBytes(4).toString("hex")}`), {
      sentToCompany: true,
    });
    const created = await createRoute.run(
      {
        documentId,
        purpose: "APPROVAL",
        ordering: "PARALLEL",
        signers: [
          { kind: "staff", personId: manager.personId },
          { kind: "member", personId: full.personId },
        ],
      },
      await contextFor(a.token),
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const [staffStep, memberStep] = created.data.steps.sort((x, y) => x.position - y.position).map((s) => s.id);
    // Both were told at once.
    expect(
      await db.prisma.notification.count({
        where: { kind: "signature.turn", personId: { in: [manager.personId, full.personId] } },
      }),
    ).toBe(2);
    const code = await askCode(manager.token, staffStep!);
    expect(code.ok ? "ok" : code.error.key).toBe("route_not_signature");
    expect((await approveStep.run({ stepId: memberStep! }, await contextFor(full.token))).ok).toBe(true);
    const last = await approveStep.run({ stepId: staffStep! }, await contextFor(manager.token));
    expect(last.ok && last.data.routeStatus).toBe("COMPLETED");
  });

  it("declining needs a reason and ends the route", async () => {
    const { documentId } = await documentOfA(Buffer.from(`счёт ${randomBytes(4).toString("hex")}`));
    const created = await createRoute.run(
      {
        documentId,
        purpose: "SIGNATURE",
        ordering: "SEQUENTIAL",
        signers: [{ kind: "member", personId: full.personId }],
      },
      await contextFor(a.token),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const stepId = created.data.steps[0]!.id;
    const bare = await declineStep.run({ stepId, reason: "  " }, await contextFor(full.token));
    expect(bare.ok ? "ok" : bare.error.code).toBe("invalid_input");
    const declined = await declineStep.run({ stepId, reason: "Не та сумма" }, await contextFor(full.token));
    expect(declined.ok && declined.data.routeStatus).toBe("DECLINED");
    expect(await db.prisma.notification.count({ where: { personId: a.personId, kind: "signature.declined" } })).toBe(1);
    // The document is free again: a new route may be sent.
    const next = await createRoute.run(
      { documentId, purpose: "SIGNATURE", ordering: "PARALLEL", signers: [{ kind: "member", personId: a.personId }] },
      await contextFor(a.token),
    );
    expect(next.ok).toBe(true);
  });

  it("signs through the JSON API: code, then sign; another person's step is 404", async () => {
    const { documentId } = await documentOfA(Buffer.from(`api ${randomBytes(4).toString("hex")}`));
    const api = (token: string, body?: unknown) =>
      new Request("http://localhost/api/v1/x", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
    const created = await routesPost(
      api(a.token, {
        purpose: "SIGNATURE",
        ordering: "PARALLEL",
        signers: [{ kind: "member", personId: full.personId }],
      }),
      { params: Promise.resolve({ documentId }) },
    );
    expect(created.status).toBe(201);
    const { steps } = (await created.json()) as { steps: { id: string }[] };
    const params = { params: Promise.resolve({ routeStepId: steps[0]!.id }) };
    expect((await codePost(api(b.token), params)).status).toBe(404);
    later(61_000);
    expect((await codePost(api(full.token), params)).status).toBe(201);
    const wrong = await signPost(api(full.token, { code: "12345" }), params);
    expect(wrong.status).toBe(400);
    const signed = await signPost(api(full.token, { code: await lastCode(full.phone) }), params);
    expect(signed.status).toBe(201);
    expect(((await signed.json()) as { routeStatus: string }).routeStatus).toBe("COMPLETED");
  });

  it("reminds the person whose turn it is once before the deadline, then ends the route at it", async () => {
    const { documentId } = await documentOfA(Buffer.from(`приказ ${randomBytes(4).toString("hex")}`));
    const deadline = new Date(Date.now() + offset + 3 * 86_400_000);
    const created = await createRoute.run(
      {
        documentId,
        purpose: "SIGNATURE",
        ordering: "SEQUENTIAL",
        deadline,
        signers: [
          { kind: "member", personId: full.personId },
          { kind: "member", personId: restrictedEditor.personId },
        ],
      },
      await contextFor(a.token),
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const reminders = () =>
      db.prisma.notification.findMany({
        where: { kind: "signature.reminder", link: `/cabinet/documents/${documentId}` },
      });
    await runSignatureReminderPass(db.prisma);
    expect(await reminders()).toHaveLength(0); // three days ahead: not yet
    later(2.5 * 86_400_000);
    await runSignatureReminderPass(db.prisma);
    await runSignatureReminderPass(db.prisma);
    const sent = await reminders();
    expect(sent.map((n) => n.personId)).toEqual([full.personId]); // once, and only to the one on turn
    later(86_400_000);
    await runSignatureReminderPass(db.prisma);
    const route = await db.prisma.signatureRoute.findFirstOrThrow({ where: { documentId } });
    expect(route.status).toBe("EXPIRED");
    expect(await reminders()).toHaveLength(1);
    expect(await db.prisma.notification.count({ where: { personId: a.personId, kind: "signature.expired" } })).toBe(1);
  });
});
