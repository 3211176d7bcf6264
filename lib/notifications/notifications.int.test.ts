import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logout } from "@/lib/auth/actions/logout";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { resolveSession } from "@/lib/auth/session";
import { inviteMember } from "@/lib/members/actions/invite-member";
import {
  addMember,
  contextFor,
  lastCode,
  meta,
  registerPartner,
  startIntegrationDatabase,
} from "@/lib/testing/integration";
import { markNotificationsRead } from "./actions/mark-read";
import { setNotificationPreference } from "./actions/set-preference";
import { LiveHub, liveMode } from "./live";
import { notify, type NotificationInput } from "./notify";
import { notificationListLoader, unreadCountLoader } from "./queries";
import { notificationStream } from "./stream";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./token";
import { unsubscribeByToken } from "./unsubscribe";

// Embedded by default; with TEST_DATABASE_URL the live part runs over LISTEN/NOTIFY on a real server.
let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof addMember>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
  a = await registerPartner();
  b = await addMember(a.partnerId, "FULL");
}, 120_000);
afterAll(async () => {
  await env.close();
});

const send = (input: Partial<NotificationInput> & Pick<NotificationInput, "personIds" | "kind">) =>
  env.prisma.$transaction((tx) =>
    notify(tx, {
      partnerId: a.partnerId,
      params: { number: "З-2026-0001", status: "в работе" },
      link: "/cabinet",
      ...input,
    }),
  );

/** Jobs of a queue addressed to `to`, from pg-boss's table. */
async function jobsTo(name: "sms.send" | "email.send", to: string) {
  const rows = await env.prisma.$queryRaw<{ data: { to: string; text: string; subject?: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = ${name} AND data->>'to' = ${to}`;
  return rows.map((r) => r.data);
}

describe("notify", () => {
  it("writes one in-app row per person and copies by the defaults: SMS for urgent kinds, e-mail when there is an address", async () => {
    await send({ personIds: [a.personId, b.personId, a.personId], kind: "request.status" });
    expect(await env.prisma.notification.count({ where: { personId: a.personId, kind: "request.status" } })).toBe(1);
    expect(await env.prisma.notification.count({ where: { personId: b.personId, kind: "request.status" } })).toBe(1);
    const smsA = await jobsTo("sms.send", a.phone);
    expect(smsA.filter((j) => j.text.includes("З-2026-0001"))).toHaveLength(1);
    expect(await jobsTo("sms.send", b.phone)).toHaveLength(1);
    const mail = await jobsTo("email.send", "test@example.kz");
    expect(mail.some((m) => m.text.includes("/unsubscribe?token="))).toBe(true);

    // A non-urgent kind: no SMS by default.
    const smsBefore = (await jobsTo("sms.send", b.phone)).length;
    await send({ personIds: [b.personId], kind: "document.received", params: { partner: "ТОО", titles: "Акт" } });
    expect(await jobsTo("sms.send", b.phone)).toHaveLength(smsBefore);
  });

  it("follows the person's choices, and a rolled-back change leaves nothing", async () => {
    const ctx = await contextFor(b.token);
    expect(
      (await setNotificationPreference.run({ kind: "request.message", channel: "SMS", enabled: true }, ctx)).ok,
    ).toBe(true);
    expect(
      (await setNotificationPreference.run({ kind: "request.status", channel: "SMS", enabled: false }, ctx)).ok,
    ).toBe(true);
    // The SMS of an essential kind cannot be switched off.
    const essential = await setNotificationPreference.run(
      { kind: "request.overdue", channel: "SMS", enabled: false },
      ctx,
    );
    expect(essential.ok).toBe(false);

    const before = (await jobsTo("sms.send", b.phone)).length;
    await send({ personIds: [b.personId], kind: "request.status" });
    expect(await jobsTo("sms.send", b.phone)).toHaveLength(before);
    await send({ personIds: [b.personId], kind: "request.message", params: { number: "З-1", author: "Бухгалтер" } });
    expect(await jobsTo("sms.send", b.phone)).toHaveLength(before + 1);

    const rows = await env.prisma.notification.count({ where: { personId: b.personId } });
    await expect(
      env.prisma.$transaction(async (tx) => {
        await notify(tx, {
          personIds: [b.personId],
          kind: "request.message",
          params: { number: "X", author: "Y" },
          link: "/cabinet",
        });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await env.prisma.notification.count({ where: { personId: b.personId } })).toBe(rows);
    expect(await jobsTo("sms.send", b.phone)).toHaveLength(before + 1);
  });
});

describe("invitations", () => {
  it("a person who already has an account finds the invitation in their notifications", async () => {
    const other = await registerPartner({ partnerName: "ТОО «Другая»" });
    expect((await requestStepUpCode.run({}, await contextFor(a.token))).ok).toBe(true);
    const invited = await inviteMember.run(
      {
        phone: other.phone,
        name: "Приглашённый",
        role: "RESTRICTED",
        rights: {
          requests: "none",
          documents: "none",
          sharing: "none",
          profile: "view",
          billing: "none",
          audit: "none",
        },
        code: await lastCode(a.phone),
      },
      await contextFor(a.token),
    );
    expect(invited.ok, JSON.stringify(invited)).toBe(true);
    const row = await env.prisma.notification.findFirstOrThrow({
      where: { personId: other.personId, kind: "invitation.received" },
    });
    expect(row).toMatchObject({ partnerId: a.partnerId, link: "/cabinet/invitations" });
    expect(row.params).toMatchObject({ partner: "ТОО «Тест»", inviter: "Тест Тестов" });
  });
});

describe("reading and marking", () => {
  it("a person reads and marks only their own notifications", async () => {
    const listA = await notificationListLoader.run({}, { session: await resolveSession(a.token) });
    const listB = await notificationListLoader.run({}, { session: await resolveSession(b.token) });
    if (!listA.ok || !listB.ok) throw new Error("list refused");
    const idsA = listA.data.items.map((i) => i.id);
    const idsB = listB.data.items.map((i) => i.id);
    expect(idsA.length).toBeGreaterThan(0);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    expect(listA.data.items[0]!.text).toContain("З-2026-0001");

    // B aims at A's notifications: nothing of A changes.
    const foreign = await markNotificationsRead.run({ ids: idsA }, await contextFor(b.token));
    expect(foreign).toMatchObject({ ok: true, data: { marked: 0 } });
    expect(await env.prisma.notification.count({ where: { id: { in: idsA }, readAt: { not: null } } })).toBe(0);

    const own = await markNotificationsRead.run({ ids: [idsA[0]] }, await contextFor(a.token));
    expect(own).toMatchObject({ ok: true, data: { marked: 1 } });
    const all = await markNotificationsRead.run({ all: true }, await contextFor(a.token));
    expect(all.ok).toBe(true);
    const unread = await unreadCountLoader.run({}, { session: await resolveSession(a.token) });
    expect(unread).toEqual({ ok: true, data: 0 });
    expect(await env.prisma.notification.count({ where: { personId: b.personId, readAt: null } })).toBeGreaterThan(0);
  });

  it("pages with a cursor", async () => {
    for (let i = 0; i < 3; i += 1)
      await send({ personIds: [a.personId], kind: "request.assigned", params: { number: `N${i}` } });
    const session = await resolveSession(a.token);
    const first = await notificationListLoader.run({ limit: 2 }, { session });
    if (!first.ok || !first.data.nextCursor) throw new Error("no first page");
    const second = await notificationListLoader.run({ limit: 2, cursor: first.data.nextCursor }, { session });
    if (!second.ok) throw new Error("no second page");
    const ids = [...first.data.items, ...second.data.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.data.items.length).toBeGreaterThan(0);
  });
});

describe("unsubscribe link", () => {
  it("a valid token turns that kind's e-mail off without login, audited; then no e-mail goes", async () => {
    const token = signUnsubscribeToken(a.personId, "document.received");
    expect(await unsubscribeByToken({ token }, meta())).toEqual({ ok: true, kind: "document.received" });
    const choice = await env.prisma.notificationPreference.findUniqueOrThrow({
      where: { personId_kind_channel: { personId: a.personId, kind: "document.received", channel: "EMAIL" } },
    });
    expect(choice.enabled).toBe(false);
    const audit = await env.prisma.auditEvent.findFirstOrThrow({
      where: { action: "notification.unsubscribed", outcome: "SUCCESS", actorPersonId: a.personId },
    });
    expect(audit.details).toMatchObject({ kind: "document.received", channel: "EMAIL" });

    const mails = (await jobsTo("email.send", "test@example.kz")).length;
    await send({ personIds: [a.personId], kind: "document.received", params: { partner: "ТОО", titles: "Акт" } });
    expect(await jobsTo("email.send", "test@example.kz")).toHaveLength(mails);
    // Other kinds still go.
    await send({ personIds: [a.personId], kind: "request.created", params: { number: "З-2", subject: "Зарплата" } });
    expect(await jobsTo("email.send", "test@example.kz")).toHaveLength(mails + 1);
  });

  it("a forged or altered token changes nothing and is audited as a denial", async () => {
    const token = signUnsubscribeToken(a.personId, "request.created");
    const [body, mac] = token.split(".") as [string, string];
    const other = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), p: b.personId }),
    ).toString("base64url");
    const flipped = `${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [`${other}.${mac}`, `${body}.${flipped}`, "garbage"]) {
      const result = await unsubscribeByToken({ token: bad }, meta());
      expect(result.ok).toBe(false);
    }
    expect(await env.prisma.notificationPreference.count({ where: { personId: b.personId, channel: "EMAIL" } })).toBe(
      0,
    );
    expect(
      await env.prisma.auditEvent.count({ where: { action: "notification.unsubscribed", outcome: "DENIED" } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("an expired token is refused", async () => {
    const old = signUnsubscribeToken(a.personId, "request.message", new Date(Date.now() - 91 * 86_400_000));
    expect(verifyUnsubscribeToken(old)).toEqual({ ok: false, reason: "expired" });
    expect(await unsubscribeByToken({ token: old }, meta())).toEqual({ ok: false, reason: "expired" });
    expect(verifyUnsubscribeToken(signUnsubscribeToken(a.personId, "request.message")).ok).toBe(true);
  });
});

/** Reads server-sent events from a stream until `until` says stop. */
async function readEvents(stream: ReadableStream<Uint8Array>, onEvent: (name: string, data: string) => boolean | void) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
      if (name && onEvent(name, data)) {
        await reader.cancel();
        return;
      }
    }
  }
}

describe("live updates", () => {
  it("a notification committed through one client reaches the streams of two app instances; a rolled-back one does not", async () => {
    const url = process.env.DATABASE_URL!;
    const listen = liveMode() === "listen";
    // Two hubs are two app instances (one LISTEN connection each); the embedded database polls instead.
    const hubs = listen ? [new LiveHub(url), new LiveHub(url)] : [null, null];
    await Promise.all(hubs.map((h) => h?.ready()));
    const session = await resolveSession(b.token);
    if (!session) throw new Error("no session");
    const seen: number[][] = [[], []];
    const done = hubs.map((hub, i) =>
      readEvents(notificationStream({ session, hub, pollMs: 200, heartbeatMs: 60_000 }), (name, data) => {
        if (name !== "unread") return;
        seen[i]!.push((JSON.parse(data) as { unread: number }).unread);
        return seen[i]!.length === 2;
      }),
    );
    await until(() => seen.every((s) => s.length === 1));
    await expect(
      env.prisma.$transaction(async (tx) => {
        await notify(tx, {
          personIds: [b.personId],
          kind: "request.message",
          params: { number: "X", author: "Y" },
          link: "/cabinet",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.map((s) => s.length)).toEqual([1, 1]);
    await send({ personIds: [b.personId], kind: "request.message", params: { number: "З-9", author: "Бухгалтер" } });
    await Promise.all(done);
    expect(seen.map((s) => s[1]! - s[0]!)).toEqual([1, 1]);
    if (listen) expect(hubs.map((h) => h!.streams)).toEqual([0, 0]);
    await Promise.all(hubs.map((h) => h?.close()));
  }, 30_000);

  it("the stream ends when the session is over", async () => {
    const member = await addMember(a.partnerId, "FULL");
    const session = await resolveSession(member.token);
    if (!session) throw new Error("no session");
    const events: string[] = [];
    const done = readEvents(notificationStream({ session, hub: null, pollMs: 60_000, heartbeatMs: 200 }), (name) => {
      events.push(name);
    });
    await until(() => events.includes("unread"));
    expect((await logout.run({}, await contextFor(member.token))).ok).toBe(true);
    await done;
    expect(events).toEqual(["unread", "end"]);
  }, 20_000);
});

async function until(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
