import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { loadWorkingCalendar } from "@/lib/calendar/queries";
import { addWorkingMillis, workingMillisBetween } from "@/lib/calendar/working-time";
import {
  addMember,
  contextFor,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { addRequestNote } from "./actions/add-note";
import { assignRequests } from "./actions/assign";
import { createRequest } from "./actions/create-request";
import { markRequestRead } from "./actions/mark-read";
import { postMessage } from "./actions/post-message";
import { setRequestStatus } from "./actions/set-status";
import { apiCreateRequest, apiGetRequest, apiListRequests, apiPostMessage } from "./api";
import { runRequestDuePass } from "./due";
import { deskRequestsLoader, requestDetailLoader, requestListLoader, requestTranscriptLoader } from "./queries";
import { textSha256 } from "./thread";
import { verifyTranscript, type Transcript } from "./transcript";

/**
 * Requests end to end below the UI: who may read and write, the thread's statuses and clocks, notes
 * that never reach the Partner, messages the database refuses to change, transcripts, numbering.
 */

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof registerPartner>>;
let editor: Awaited<ReturnType<typeof addMember>>;
let viewer: Awaited<ReturnType<typeof addMember>>;
let companyId: string;
let accountant: Staff;
let manager: Staff;
let unassigned: Staff;
let otherAccountant: Staff;

type Staff = { personId: string; staffMemberId: string; token: string };

async function staff(company: string, role: "ACCOUNTANT" | "MANAGER", partnerId: string | null): Promise<Staff> {
  const phone = uniquePhone();
  const person = await db.prisma.person.create({
    data: { phone, name: `${role} ${phone.slice(-4)}`, adultConfirmedAt: new Date() },
  });
  const member = await db.prisma.staffMember.create({ data: { companyId: company, personId: person.id, role } });
  if (partnerId)
    await db.prisma.staffAssignment.create({
      data: { partnerId, staffMemberId: member.id, responsibility: "ACCOUNTING" },
    });
  return { personId: person.id, staffMemberId: member.id, token: await login(phone) };
}

async function ctx(token: string) {
  return contextFor(token);
}
async function read<T>(loader: { run: (i: unknown, c: never) => Promise<T> }, token: string, input: unknown) {
  return loader.run(input, { session: await resolveSession(token), meta: meta() } as never);
}

/** A clean document in A's library, as an upload leaves it. */
async function libraryDocument(title: string, category = "acts_invoices") {
  const doc = await db.prisma.document.create({
    data: { partnerId: a.partnerId, category: category as never, title, createdById: a.personId },
  });
  const version = await db.prisma.documentVersion.create({
    data: {
      partnerId: a.partnerId,
      documentId: doc.id,
      number: 1,
      storageKey: `documents/requests-test/${doc.id}`,
      originalName: `${title}.pdf`,
      mime: "application/pdf",
      size: 10n,
      sha256: textSha256(title),
      uploadedById: a.personId,
    },
  });
  await db.prisma.document.update({ where: { id: doc.id }, data: { currentVersionId: version.id, versionCount: 1 } });
  return { id: doc.id, sha256: version.sha256 };
}

async function newRequest(token: string, extra: Record<string, unknown> = {}) {
  const result = await createRequest.run(
    { category: "accounting", subject: "Зарплата за март", text: "Подготовьте, пожалуйста, ведомость.", ...extra },
    await ctx(token),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

beforeAll(async () => {
  db = await startIntegrationDatabase();
  a = await registerPartner();
  b = await registerPartner();
  editor = await addMember(a.partnerId, "RESTRICTED", { requests: "edit" });
  viewer = await addMember(a.partnerId, "RESTRICTED", { requests: "view" });
  companyId = (await db.prisma.outsourcingCompany.create({ data: { name: `ГК ${uniquePhone()}` } })).id;
  const other = await db.prisma.outsourcingCompany.create({ data: { name: `Другая ${uniquePhone()}` } });
  await db.prisma.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: companyId } });
  await db.prisma.partner.update({ where: { id: b.partnerId }, data: { outsourcingCompanyId: other.id } });
  accountant = await staff(companyId, "ACCOUNTANT", a.partnerId);
  manager = await staff(companyId, "MANAGER", null);
  unassigned = await staff(companyId, "ACCOUNTANT", null);
  otherAccountant = await staff(other.id, "ACCOUNTANT", b.partnerId);
});
afterAll(async () => {
  await db.close();
});

describe("who may read and write a request", () => {
  let id = "";
  beforeAll(async () => {
    id = (await newRequest(editor.token)).id;
  });

  it("a RESTRICTED member with requests: edit creates it, numbered, assigned by the category's responsibility, with due times", async () => {
    const row = await db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row.number).toMatch(/^З-\d{4}-\d{4}$/);
    expect(row.assigneeId).toBe(accountant.staffMemberId);
    expect(row.status).toBe("NEW");
    expect(row.firstResponseDueAt).toBeInstanceOf(Date);
    expect(row.dueAt?.getTime()).toBe(row.firstResponseDueAt?.getTime());
    const told = await db.prisma.notification.findMany({ where: { link: `/desk/requests/${id}` } });
    expect(told.map((n) => [n.personId, n.kind])).toEqual([[accountant.personId, "request.created"]]);
  });

  it("a RESTRICTED member with requests: view reads it but cannot create or reply", async () => {
    const list = await read(requestListLoader, viewer.token, {});
    expect(list.ok && list.data.items.map((i) => i.id)).toContain(id);
    expect(list.ok && list.data.canEdit).toBe(false);
    const created = await createRequest.run({ category: "other", subject: "x", text: "y" }, await ctx(viewer.token));
    expect(created.ok).toBe(false);
    const reply = await postMessage.run({ requestId: id, text: "Тоже пишу" }, await ctx(viewer.token));
    expect(reply.ok).toBe(false);
    expect(await db.prisma.requestMessage.count({ where: { requestId: id } })).toBe(1);
  });

  it("staff of another company, unassigned staff and another Partner's user get not-found", async () => {
    for (const token of [otherAccountant.token, unassigned.token, b.token]) {
      expect(await read(requestDetailLoader, token, { requestId: id })).toEqual({ ok: false, code: "not_found" });
      expect(await read(requestTranscriptLoader, token, { requestId: id })).toEqual({ ok: false, code: "not_found" });
      const reply = await postMessage.run({ requestId: id, text: "Чужой ответ" }, await ctx(token));
      expect(reply.ok || reply.error.code).toBe("not_found");
    }
    const desk = await read(deskRequestsLoader, otherAccountant.token, {});
    expect(desk.ok && desk.data.items).toEqual([]);
    expect((await apiGetRequest(apiRequest("GET", b.token), id)).status).toBe(404);
  });

  it("the assigned accountant and the company's manager see it on the desk, by due time", async () => {
    for (const token of [accountant.token, manager.token]) {
      const desk = await read(deskRequestsLoader, token, { unread: "1" });
      expect(desk.ok && desk.data.items.map((i) => i.id)).toContain(id);
    }
    await markRequestRead.run({ requestId: id }, await ctx(accountant.token));
    const after = await read(deskRequestsLoader, accountant.token, { unread: "1" });
    expect(after.ok && after.data.items.map((i) => i.id)).not.toContain(id);
  });
});

describe("the thread: statuses and the clock", () => {
  it("a staff reply answers the first response; waiting stops the clock; the Partner's reply resumes it with what is left", async () => {
    const { id } = await newRequest(editor.token);
    const reply = await postMessage.run({ requestId: id, text: "Пришлите табель." }, await ctx(accountant.token));
    expect(reply.ok).toBe(true);
    let row = await db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("IN_PROGRESS");
    expect(row.firstRespondedAt).not.toBeNull();
    const started = row.clockStartedAt!;
    expect(
      (await setRequestStatus.run({ requestId: id, status: "WAITING_PARTNER" }, await ctx(accountant.token))).ok,
    ).toBe(true);
    row = await db.prisma.request.findUniqueOrThrow({ where: { id } });
    const pausedAt = (
      await db.prisma.requestStatusChange.findFirstOrThrow({ where: { requestId: id, toStatus: "WAITING_PARTNER" } })
    ).createdAt;
    const cal = await loadWorkingCalendar(
      db.prisma,
      companyId,
      new Date(Date.now() - 40 * 86_400_000),
      new Date(Date.now() + 400 * 86_400_000),
    );
    expect([row.status, row.clockStartedAt, row.dueAt, Number(row.consumedMs)]).toEqual([
      "WAITING_PARTNER",
      null,
      null,
      workingMillisBetween(started, pausedAt, cal),
    ]);
    // The Partner is told, and sees the due time paused.
    const partnerView = await read(requestDetailLoader, editor.token, { requestId: id });
    expect(partnerView.ok && partnerView.data.request.paused).toBe(true);
    expect(
      await db.prisma.notification.count({ where: { personId: editor.personId, kind: "request.status" } }),
    ).toBeGreaterThan(0);
    const answer = await postMessage.run({ requestId: id, text: "Табель во вложении." }, await ctx(editor.token));
    expect(answer.ok).toBe(true);
    row = await db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("IN_PROGRESS");
    expect(row.resolutionDueAt?.getTime()).toBe(
      addWorkingMillis(row.clockStartedAt!, Number(row.resolutionTargetMs - row.consumedMs), cal).getTime(),
    );
    expect(row.dueAt?.getTime()).toBe(row.resolutionDueAt?.getTime());
    const history = await db.prisma.requestStatusChange.findMany({
      where: { requestId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.toStatus)).toEqual(["NEW", "IN_PROGRESS", "WAITING_PARTNER", "IN_PROGRESS"]);
  });

  it("a Partner's reply within 7 days of resolved reopens; on a closed request it starts a new linked one", async () => {
    const { id } = await newRequest(editor.token);
    await setRequestStatus.run({ requestId: id, status: "RESOLVED" }, await ctx(accountant.token));
    await postMessage.run({ requestId: id, text: "Не всё учтено." }, await ctx(editor.token));
    expect((await db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
    await setRequestStatus.run({ requestId: id, status: "RESOLVED" }, await ctx(accountant.token));
    await setRequestStatus.run({ requestId: id, status: "CLOSED" }, await ctx(accountant.token));
    const again = await postMessage.run({ requestId: id, text: "Вопрос снова." }, await ctx(editor.token));
    expect(again.ok && again.data.newRequest).toBe(true);
    const follow = await db.prisma.request.findUniqueOrThrow({ where: { id: again.ok ? again.data.requestId : "" } });
    expect([follow.linkedFromId, follow.status, follow.subject]).toEqual([id, "NEW", "Зарплата за март"]);
    expect((await db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
    // A resolved request left for more than 7 days is closed by the periodic pass.
    const old = (await newRequest(editor.token)).id;
    await setRequestStatus.run({ requestId: old, status: "RESOLVED" }, await ctx(accountant.token));
    await db.prisma.request.update({ where: { id: old }, data: { resolvedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await runRequestDuePass(db.prisma);
    expect((await db.prisma.request.findUniqueOrThrow({ where: { id: old } })).status).toBe("CLOSED");
  });

  it("an overdue request is flagged on both sides and its assignee is told once", async () => {
    const { id } = await newRequest(editor.token);
    await db.prisma.request.update({ where: { id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const desk = await read(deskRequestsLoader, accountant.token, { overdue: "1" });
    expect(desk.ok && desk.data.items.filter((i) => i.id === id).map((i) => i.overdue)).toEqual([true]);
    const cabinet = await read(requestDetailLoader, editor.token, { requestId: id });
    expect(cabinet.ok && cabinet.data.request.overdue).toBe(true);
    await runRequestDuePass(db.prisma);
    await runRequestDuePass(db.prisma);
    const told = await db.prisma.notification.count({
      where: { kind: "request.overdue", link: `/desk/requests/${id}`, personId: accountant.personId },
    });
    expect(told).toBe(1);
  });

  it("only managers reassign, in bulk, and see each staff member's open load", async () => {
    const one = (await newRequest(editor.token)).id;
    const two = (await newRequest(editor.token)).id;
    const refused = await assignRequests.run(
      { requestIds: [one], staffMemberId: unassigned.staffMemberId },
      await ctx(accountant.token),
    );
    expect(refused.ok).toBe(false);
    const done = await assignRequests.run(
      { requestIds: [one, two], staffMemberId: unassigned.staffMemberId },
      await ctx(manager.token),
    );
    expect(done.ok && done.data.assigned).toBe(2);
    const desk = await read(deskRequestsLoader, manager.token, { assigneeId: unassigned.staffMemberId });
    expect(desk.ok && desk.data.items.map((i) => i.id).sort()).toEqual([one, two].sort());
    expect(desk.ok && desk.data.load.find((l) => l.staffMemberId === unassigned.staffMemberId)?.open).toBe(2);
    // A request of a Partner the manager's company does not serve cannot be assigned.
    const foreign = await db.prisma.request.findFirst({ where: { partnerId: b.partnerId } });
    expect(foreign).toBeNull();
  });
});

describe("internal notes never reach the Partner", () => {
  it("not in the page's read, the API, the transcript, exports or notifications", async () => {
    const { id } = await newRequest(editor.token);
    const secret = "СЕКРЕТНАЯ-ЗАМЕТКА клиент тянет с оплатой";
    const note = await addRequestNote.run({ requestId: id, text: secret }, await ctx(accountant.token));
    expect(note.ok).toBe(true);
    expect((await addRequestNote.run({ requestId: id, text: "x" }, await ctx(editor.token))).ok).toBe(false);
    const staffView = await read(requestDetailLoader, accountant.token, { requestId: id });
    expect(staffView.ok && staffView.data.notes.map((n) => n.text)).toEqual([secret]);
    const seen: string[] = [];
    for (const token of [editor.token, viewer.token, a.token]) {
      seen.push(JSON.stringify(await read(requestDetailLoader, token, { requestId: id })));
      seen.push(JSON.stringify(await read(requestListLoader, token, { status: "all" })));
      seen.push(JSON.stringify(await read(requestTranscriptLoader, token, { requestId: id })));
      seen.push(await (await apiGetRequest(apiRequest("GET", token), id)).text());
      seen.push(await (await apiListRequests(apiRequest("GET", token, undefined, "?status=all"))).text());
    }
    const notes = await db.prisma.notification.findMany({ where: { partnerId: a.partnerId } });
    seen.push(JSON.stringify(notes));
    const auditRows = await db.prisma.auditEvent.findMany({ where: { partnerId: a.partnerId } });
    seen.push(JSON.stringify(auditRows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)));
    expect(seen.join("\n")).not.toContain("СЕКРЕТНАЯ");
    expect(seen.join("\n")).toContain("Подготовьте");
  });
});

describe("legally significant messages", () => {
  it("the database refuses UPDATE and DELETE of a sent message and of its attachments", async () => {
    await db.prisma.membership.updateMany({
      where: { personId: editor.personId },
      data: { documentCategories: ["acts_invoices"] },
    });
    const doc = await libraryDocument("Табель за март");
    const { id } = await newRequest(editor.token, { documentIds: [doc.id] });
    const message = await db.prisma.requestMessage.findFirstOrThrow({ where: { requestId: id } });
    expect(message.sha256).toBe(textSha256("Подготовьте, пожалуйста, ведомость."));
    await expect(
      db.prisma.requestMessage.update({ where: { id: message.id }, data: { text: "Подменено" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.requestMessage.delete({ where: { id: message.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.requestAttachment.deleteMany({ where: { messageId: message.id } })).rejects.toThrow(
      /append-only/,
    );
    const attachment = await db.prisma.requestAttachment.findFirstOrThrow({ where: { messageId: message.id } });
    expect(attachment.sha256).toBe(doc.sha256);
    // The attached draft went to the outsourcing company with the request: the accountant may open it.
    const sent = await db.prisma.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect([sent.status, sent.direction, sent.companyId]).toEqual(["SENT", "TO_OUTSOURCER", companyId]);
  });

  it("only documents the author may see can be attached", async () => {
    const hrDoc = await libraryDocument("Приказ", "hr");
    const refused = await createRequest.run(
      { category: "other", subject: "С приказом", text: "См. приказ", documentIds: [hrDoc.id] },
      await ctx(editor.token),
    );
    expect(refused.ok || refused.error.code).toBe("not_found");
  });

  it("staff attach what they sent the Partner; a reader outside its category sees it in the message but cannot open it", async () => {
    const { id } = await newRequest(editor.token, { category: "payroll_hr", subject: "Расчёт отпускных" });
    const payroll = await db.prisma.document.create({
      data: {
        partnerId: a.partnerId,
        category: "hr",
        title: "Расчёт отпускных",
        createdById: accountant.personId,
        direction: "FROM_OUTSOURCER",
        status: "SENT",
        companyId,
        sentById: accountant.personId,
        sentAt: new Date(),
      },
    });
    const version = await db.prisma.documentVersion.create({
      data: {
        partnerId: a.partnerId,
        documentId: payroll.id,
        number: 1,
        storageKey: `documents/requests-test/${payroll.id}`,
        originalName: "otpusknye.pdf",
        mime: "application/pdf",
        size: 10n,
        sha256: textSha256("otpusknye"),
        uploadedById: accountant.personId,
      },
    });
    await db.prisma.document.update({
      where: { id: payroll.id },
      data: { currentVersionId: version.id, versionCount: 1 },
    });
    const reply = await postMessage.run(
      { requestId: id, text: "Расчёт во вложении.", documentIds: [payroll.id] },
      await ctx(accountant.token),
    );
    expect(reply.ok).toBe(true);
    const attachmentsFor = async (token: string) => {
      const result = await read(requestDetailLoader, token, { requestId: id });
      if (!result.ok) throw new Error(result.code);
      return result.data.messages.flatMap((m) => m.attachments.map((x) => [x.title, x.sha256, x.openable]));
    };
    // The editor may see contracts and acts only (set above): the HR document stays closed to them.
    expect(await attachmentsFor(editor.token)).toEqual([["Расчёт отпускных", version.sha256, false]]);
    expect(await attachmentsFor(a.token)).toEqual([["Расчёт отпускных", version.sha256, true]]);
    expect(await attachmentsFor(accountant.token)).toEqual([["Расчёт отпускных", version.sha256, true]]);
  });

  it("a transcript's hashes verify, and an edited byte is detected", async () => {
    const { id } = await newRequest(editor.token, { text: "Сәлем! Қазақша мәтін ₸ 100 000" });
    await postMessage.run({ requestId: id, text: "Жауап: дайын." }, await ctx(accountant.token));
    await addRequestNote.run({ requestId: id, text: "только для своих" }, await ctx(accountant.token));
    const result = await read(requestTranscriptLoader, editor.token, { requestId: id });
    if (!result.ok) throw new Error(result.code);
    const transcript = JSON.parse(JSON.stringify(result.data)) as Transcript;
    expect(transcript.messages.map((m) => m.author.side)).toEqual(["partner", "outsourcer"]);
    expect(JSON.stringify(transcript)).not.toContain("только для своих");
    expect(verifyTranscript(transcript)).toEqual({ ok: true, sha256: transcript.transcriptSha256, messages: 2 });
    const editedText = JSON.parse(JSON.stringify(transcript)) as Transcript;
    editedText.messages[0]!.text = editedText.messages[0]!.text.replace("100 000", "100 001");
    expect(verifyTranscript(editedText).ok).toBe(false);
    const editedTime = JSON.parse(JSON.stringify(transcript)) as Transcript;
    editedTime.messages[1]!.createdAt = editedTime.messages[1]!.createdAt.replace(/.$/, "X");
    expect(verifyTranscript(editedTime)).toEqual({
      ok: false,
      problems: ["the transcript's sha256 does not match its content"],
    });
    expect(await db.prisma.auditEvent.count({ where: { action: "request.transcript_exported", targetId: id } })).toBe(
      1,
    );
  });
});

describe("numbering", () => {
  it("20 parallel creations get 20 distinct gap-free numbers", async () => {
    const c = await registerPartner();
    const context = await contextFor(c.token);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createRequest.run({ category: "other", subject: `Вопрос ${i}`, text: "?" }, context),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.prisma.request.findMany({
      where: { partnerId: c.partnerId },
      select: { seq: true, number: true },
    });
    const seqs = rows.map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(20);
  });
});

describe("the API", () => {
  it("creates, lists, reads and replies with the issue's shapes; a view-only member may not write", async () => {
    const created = await apiCreateRequest(
      apiRequest("POST", editor.token, { category: "tax_reporting", subject: "ФНО 910", text: "Когда сдаём?" }),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; number: string; status: string; dueAt: string };
    expect(body).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^З-/),
      status: "new",
      dueAt: expect.any(String),
    });
    const list = (await (await apiListRequests(apiRequest("GET", viewer.token, undefined, "?status=new"))).json()) as {
      items: { id: string; status: string }[];
      nextCursor: string | null;
    };
    expect(list.items.map((i) => i.id)).toContain(body.id);
    const reply = await apiPostMessage(apiRequest("POST", editor.token, { text: "Срочно, пожалуйста" }), body.id);
    expect(reply.status).toBe(201);
    const posted = (await reply.json()) as { id: string; sha256: string; createdAt: string };
    expect(posted.sha256).toBe(textSha256("Срочно, пожалуйста"));
    const denied = await apiPostMessage(apiRequest("POST", viewer.token, { text: "Можно мне?" }), body.id);
    expect(denied.status).toBeGreaterThanOrEqual(403);
    const detail = (await (await apiGetRequest(apiRequest("GET", editor.token), body.id)).json()) as {
      status: string;
      messages: { author: { side: string }; sha256: string; text: string }[];
    };
    expect(detail.messages.map((m) => [m.author.side, m.text])).toEqual([
      ["partner", "Когда сдаём?"],
      ["partner", "Срочно, пожалуйста"],
    ]);
    // Staff are not the API's audience: their token gets not-found.
    expect((await apiGetRequest(apiRequest("GET", accountant.token), body.id)).status).toBe(404);
  });
});

function apiRequest(method: string, token: string, body?: unknown, search = "") {
  return new Request(`http://localhost/api/v1/requests${search}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("a long thread", () => {
  it("opens on its newest 50 messages and pages back to the first, in the pages and the API alike", async () => {
    const { id } = await newRequest(editor.token, { subject: "Длинная переписка" });
    const first = await db.prisma.requestMessage.findFirstOrThrow({ where: { requestId: id } });
    // 119 more messages a second apart, alternating sides, as a year of work on one request leaves.
    await db.prisma.requestMessage.createMany({
      data: Array.from({ length: 119 }, (_, i) => {
        const text = `Сообщение ${i + 2}`;
        const partner = i % 2 === 1;
        return {
          partnerId: a.partnerId,
          requestId: id,
          authorId: partner ? editor.personId : accountant.personId,
          side: partner ? ("PARTNER" as const) : ("OUTSOURCER" as const),
          text,
          sha256: textSha256(text),
          createdAt: new Date(first.createdAt.getTime() + (i + 1) * 1000),
        };
      }),
    });
    const texts = (m: { text: string }[]) => m.map((x) => x.text);
    const newest = await read(requestDetailLoader, accountant.token, { requestId: id });
    if (!newest.ok) throw new Error("not read");
    expect(texts(newest.data.messages)).toEqual(Array.from({ length: 50 }, (_, i) => `Сообщение ${i + 71}`));
    expect(newest.data.isEarlierPage).toBe(false);
    const middle = await read(requestDetailLoader, editor.token, { requestId: id, before: newest.data.earlierCursor });
    if (!middle.ok) throw new Error("not read");
    expect(texts(middle.data.messages)).toEqual(Array.from({ length: 50 }, (_, i) => `Сообщение ${i + 21}`));
    expect(middle.data.isEarlierPage).toBe(true);
    const oldest = await read(requestDetailLoader, editor.token, { requestId: id, before: middle.data.earlierCursor });
    if (!oldest.ok) throw new Error("not read");
    expect(texts(oldest.data.messages)).toEqual([
      first.text,
      ...Array.from({ length: 19 }, (_, i) => `Сообщение ${i + 2}`),
    ]);
    expect(oldest.data.earlierCursor).toBeNull();
    // A cursor that is not ours starts from the newest page; it never widens what is read.
    const junk = await read(requestDetailLoader, editor.token, { requestId: id, before: "bm90LW91cnM" });
    expect(junk.ok && texts(junk.data.messages)).toEqual(texts(newest.data.messages));

    const api = (await (
      await apiGetRequest(apiRequest("GET", editor.token, undefined, `?before=${newest.data.earlierCursor}`), id)
    ).json()) as { messages: { text: string }[]; earlierCursor: string | null };
    expect(texts(api.messages)).toEqual(texts(middle.data.messages));
    expect(api.earlierCursor).toBe(middle.data.earlierCursor);
  });
});

describe("times read back", () => {
  it("the history's and the notes' times are the stored instants, whatever the process's time zone", async () => {
    const { id } = await newRequest(editor.token, { subject: "Время" });
    await setRequestStatus.run({ requestId: id, status: "IN_PROGRESS" }, await ctx(accountant.token));
    await addRequestNote.run({ requestId: id, text: "Заметка со временем" }, await ctx(accountant.token));
    const result = await read(requestDetailLoader, accountant.token, { requestId: id });
    if (!result.ok) throw new Error(result.code);
    const changes = await db.prisma.requestStatusChange.findMany({
      where: { requestId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(result.data.request.statusChanges.map((c) => c.createdAt.getTime())).toEqual(
      changes.map((c) => c.createdAt.getTime()),
    );
    const note = await db.prisma.requestNote.findFirstOrThrow({ where: { requestId: id } });
    expect(result.data.notes.map((n) => n.createdAt.getTime())).toEqual([note.createdAt.getTime()]);
  });
});

describe("the desk's Partner filter", () => {
  it("finds a served Partner by part of its name or the start of its BIN, and never reaches beyond the served ones", async () => {
    const { id } = await newRequest(editor.token, { subject: "Поиск по компании" });
    const partner = await db.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } });
    const ids = async (token: string, input: Record<string, string>) => {
      const result = await read(deskRequestsLoader, token, { status: "all", ...input });
      if (!result.ok) throw new Error(result.code);
      return result.data.items.map((i) => i.id);
    };
    const word = partner.name.slice(2, 8);
    expect(await ids(manager.token, { partner: word })).toContain(id);
    expect(await ids(manager.token, { partner: partner.taxId.slice(0, 6) })).toContain(id);
    expect(await ids(manager.token, { partner: "Нет такой компании" })).toEqual([]);
    // Wildcards are letters here: "%" matches a name holding "%", of which there is none.
    expect(await ids(manager.token, { partner: "%" })).toEqual([]);
    // Another company's accountant searching for A by name still sees nothing of it.
    expect(await ids(otherAccountant.token, { partner: word })).not.toContain(id);
    // A link that chose the Partner by id shows its name beside the field.
    const chosen = await read(deskRequestsLoader, manager.token, { partnerId: a.partnerId });
    expect(chosen.ok && chosen.data.partner).toEqual({ id: a.partnerId, name: partner.name });
    const foreign = await read(deskRequestsLoader, manager.token, { partnerId: b.partnerId });
    expect(foreign.ok && foreign.data.partner).toBeNull();
  });
});
