import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/clock";
import { addMember, contextFor, meta, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import type { AuditAction } from "./events";
import { auditCsvStream, csvCell } from "./log-csv";
import type { ResolvedSession } from "@/lib/auth/session";
import { auditCsvLoader } from "./log-export";

/** The export as its route answers it: the file, or 404 for anything refused. */
async function auditCsvResponse(session: ResolvedSession | null, params: URLSearchParams): Promise<Response> {
  const result = await auditCsvLoader.run({ params, locale: "ru" }, { session, meta: meta() });
  return result.ok ? result.data : new Response("Not found", { status: 404 });
}
import type { AuditLogFilters } from "./log-filters";
import { auditLogLoader } from "./log-loaders";
import { listPartnerAuditEvents, verifyPartnerChain } from "./log-queries";
import { writeAudit } from "./write";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;

interface Seeded {
  tag: string;
  at: Date;
  person: string;
  action: AuditAction;
  targetType: string;
}
const seeded: Seeded[] = [];
let A: Awaited<ReturnType<typeof registerPartner>>;
let B: Awaited<ReturnType<typeof registerPartner>>;
let full: Awaited<ReturnType<typeof addMember>>;
let restricted: Awaited<ReturnType<typeof addMember>>;
let foreign: Awaited<ReturnType<typeof addMember>>;

const MARCH = { from: "2025-03-01", to: "2025-03-31" };
const ACTIONS: AuditAction[] = ["member.invited", "partner.profile_updated", "person.profile_updated"];
const TYPES = ["membership", "partner", "person"];

async function event(
  partnerId: string,
  tag: string,
  at: Date,
  person: string,
  action: AuditAction,
  targetType: string,
  extra: { ip?: string } = {},
) {
  const restore = setClockForTests(() => at);
  try {
    await env.prisma.$transaction((tx) =>
      writeAudit(tx, {
        partnerId,
        actorPersonId: person,
        actorRole: "FULL",
        action,
        outcome: "SUCCESS",
        targetType,
        targetId: tag,
        ip: extra.ip ?? "203.0.113.9",
      }),
    );
  } finally {
    restore();
  }
}

/** Every row of a search, page by page. */
async function all(partnerId: string, filters: AuditLogFilters, limit = 50) {
  const tags: string[] = [];
  let cursor = null;
  do {
    const page = await listPartnerAuditEvents(env.prisma, partnerId, filters, cursor, limit);
    tags.push(...page.rows.map((r) => r.targetId!));
    cursor = page.nextCursor;
  } while (cursor);
  return tags;
}

/** Newest first; rows sharing an instant in reverse insertion order (higher id first). */
const expected = (pick: (s: Seeded) => boolean) =>
  seeded
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => pick(s))
    .sort((a, b) => b.s.at.getTime() - a.s.at.getTime() || b.i - a.i)
    .map(({ s }) => s.tag);

beforeAll(async () => {
  env = await startIntegrationDatabase();
  A = await registerPartner();
  B = await registerPartner();
  full = await addMember(A.partnerId, "FULL");
  restricted = await addMember(A.partnerId, "RESTRICTED", { audit: "view" });
  foreign = await addMember(B.partnerId, "FULL");
  const people = [A.personId, full.personId, restricted.personId];
  const base = Date.parse("2025-03-01T00:00:00.000Z");
  // Pairs share an instant, so order within an instant must come from the id.
  for (let i = 0; i < 130; i++) {
    const s: Seeded = {
      tag: `a${i}`,
      at: new Date(base + Math.floor(i / 2) * 600_000),
      person: people[i % 3]!,
      action: ACTIONS[i % 3]!,
      targetType: TYPES[(i >> 1) % 3]!,
    };
    seeded.push(s);
    await event(A.partnerId, s.tag, s.at, s.person, s.action, s.targetType);
  }
  // The edges of the Almaty day 2025-03-10 = [2025-03-09T19:00Z, 2025-03-10T19:00Z).
  for (const [tag, iso] of [
    ["edge-before", "2025-03-09T18:59:59.999Z"],
    ["edge-start", "2025-03-09T19:00:00.000Z"],
    ["edge-end", "2025-03-10T18:59:59.999Z"],
    ["edge-after", "2025-03-10T19:00:00.000Z"],
  ] as const) {
    seeded.push({ tag, at: new Date(iso), person: full.personId, action: "cabinet.switched", targetType: "partner" });
    await event(A.partnerId, tag, new Date(iso), full.personId, "cabinet.switched", "partner");
  }
  for (let i = 0; i < 10; i++)
    await event(B.partnerId, `b${i}`, new Date(base + i * 600_000), foreign.personId, ACTIONS[i % 3]!, TYPES[i % 3]!);
});
afterAll(async () => {
  await env.close();
});

describe("the Partner's audit log (AUD-4)", () => {
  it("filters by person, action, object type and period, each returning exactly its rows", async () => {
    expect(await all(A.partnerId, { ...MARCH, person: full.personId })).toEqual(
      expected((s) => s.person === full.personId),
    );
    expect(await all(A.partnerId, { ...MARCH, action: "partner.profile_updated" })).toEqual(
      expected((s) => s.action === "partner.profile_updated"),
    );
    expect(await all(A.partnerId, { ...MARCH, targetType: "membership" })).toEqual(
      expected((s) => s.targetType === "membership"),
    );
    expect(
      await all(A.partnerId, {
        ...MARCH,
        person: restricted.personId,
        action: "member.invited",
        targetType: "partner",
      }),
    ).toEqual(
      expected((s) => s.person === restricted.personId && s.action === "member.invited" && s.targetType === "partner"),
    );
    expect(await all(A.partnerId, { from: "2025-03-10", to: "2025-03-10", action: "cabinet.switched" })).toEqual([
      "edge-end",
      "edge-start",
    ]);
    expect(await all(A.partnerId, { to: "2025-03-09", action: "cabinet.switched" })).toEqual(["edge-before"]);
    expect(await all(A.partnerId, { from: "2025-03-11", action: "cabinet.switched" })).toEqual(["edge-after"]);
  });

  it("pages over more than 120 events by keyset, every row exactly once and in order", async () => {
    const tags = await all(A.partnerId, MARCH, 50);
    expect(tags).toHaveLength(134);
    expect(new Set(tags).size).toBe(134);
    expect(tags).toEqual(expected(() => true));
    expect(await all(A.partnerId, MARCH, 7)).toEqual(tags);
  });

  it("resolves actor names for the page", async () => {
    const page = await listPartnerAuditEvents(env.prisma, A.partnerId, { ...MARCH, person: A.personId }, null, 3);
    expect(page.rows.map((r) => r.actorName)).toEqual(["Тест Тестов", "Тест Тестов", "Тест Тестов"]);
  });

  it("never shows another Partner's events, even when its person is the filter", async () => {
    const page = await listPartnerAuditEvents(env.prisma, A.partnerId, { person: foreign.personId }, null, 50);
    expect(page).toEqual({ rows: [], nextCursor: null, unknownPerson: true });
    const everything = new Set(await all(A.partnerId, {}, 1000));
    expect(Array.from({ length: 10 }, (_, i) => `b${i}`).filter((t) => everything.has(t))).toEqual([]);
    expect(await all(B.partnerId, { ...MARCH, person: full.personId })).toEqual([]);
    expect(await verifyPartnerChain(env.prisma, A.partnerId)).toMatchObject({ brokenAt: null });
  });

  it("on the page, names the person acting and the person acted upon, and takes members from the form's list", async () => {
    await event(
      A.partnerId,
      restricted.personId,
      new Date("2025-05-02T06:00:00Z"),
      full.personId,
      ACTIONS[2]!,
      "person",
    );
    const { session } = await contextFor(A.token);
    const search = { person: full.personId, from: "2025-05-02", to: "2025-05-02" };
    const result = await auditLogLoader.run({ search }, { session, meta: meta() });
    if (!result.ok) throw new Error(result.code);
    expect(result.data.members.map((m) => m.personId).sort()).toEqual(
      [A.personId, full.personId, restricted.personId].sort(),
    );
    expect(result.data.page).toMatchObject({
      unknownPerson: false,
      rows: [{ actorName: "Сотрудник FULL", targetId: restricted.personId, targetName: "Сотрудник RESTRICTED" }],
    });
    const other = await auditLogLoader.run({ search: { person: foreign.personId } }, { session, meta: meta() });
    expect(other.ok && other.data.page).toEqual({ rows: [], nextCursor: null, unknownPerson: true });
  });
});

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("the audit CSV", () => {
  it("streams exactly the filtered rows, with a BOM, in the user's language", async () => {
    const bytes = await readStream(
      auditCsvStream(
        env.prisma,
        A.partnerId,
        { from: "2025-03-10", to: "2025-03-10", action: "cabinet.switched" },
        "ru",
      ),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")).toEqual([
      "Время (Алматы),Пользователь,Роль,Код действия,Действие,Тип объекта,ID объекта,Объект,IP-адрес,Результат",
      "2025-03-10T23:59:59+05:00,Сотрудник FULL,Полный доступ,cabinet.switched,Переключён кабинет,partner,edge-end,,203.0.113.9,Успешно",
      "2025-03-10T00:00:00+05:00,Сотрудник FULL,Полный доступ,cabinet.switched,Переключён кабинет,partner,edge-start,,203.0.113.9,Успешно",
      "",
    ]);
  });

  it("fetches in batches and still writes every row once", async () => {
    const text = new TextDecoder().decode(await readStream(auditCsvStream(env.prisma, A.partnerId, MARCH, "en", 9)));
    const tags = text
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[6]);
    expect(tags).toEqual(expected(() => true));
  });

  it("quotes and neutralizes formulas", async () => {
    expect(csvCell('Иванов, "Иван"')).toBe('"Иванов, ""Иван"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const evil of ["=1+1", "+7701", "-2", "@SUM(A1)", "\tx"])
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    await env.prisma.person.update({
      where: { id: restricted.personId },
      data: { name: '=HYPERLINK("http://x"), "Иван"' },
    });
    await event(
      A.partnerId,
      "=cmd|' /C calc'!A0",
      new Date("2025-04-01T00:00:00Z"),
      restricted.personId,
      "member.revoked",
      "membership",
      { ip: "@evil" },
    );
    const text = new TextDecoder().decode(
      await readStream(auditCsvStream(env.prisma, A.partnerId, { from: "2025-04-01", to: "2025-04-01" }, "en")),
    );
    expect(text.split("\r\n")[1]).toBe(
      `2025-04-01T05:00:00+05:00,"'=HYPERLINK(""http://x""), ""Иван""",Full access,member.revoked,User access revoked,membership,'=cmd|' /C calc'!A0,,'@evil,Succeeded`,
    );
  });

  it("answers the export with the file, recording it with its filters; without the right a 404, also recorded", async () => {
    const params = new URLSearchParams({
      action: "cabinet.switched",
      from: "2025-03-10",
      to: "2025-03-10",
      person: "nonsense",
    });
    const ok = await auditCsvResponse((await contextFor(restricted.token)).session, params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="audit-log_2025-03-10_2025-03-10.csv"');
    expect(
      new TextDecoder()
        .decode(await ok.arrayBuffer())
        .trim()
        .split("\r\n"),
    ).toHaveLength(3);
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: A.partnerId, action: "audit.exported" },
      orderBy: { id: "desc" },
    });
    expect(row).toMatchObject({
      actorPersonId: restricted.personId,
      outcome: "SUCCESS",
      details: { filters: { action: "cabinet.switched", from: "2025-03-10", to: "2025-03-10" }, ignored: ["person"] },
    });

    const noRight = await addMember(A.partnerId, "RESTRICTED", { profile: "view" });
    const refused = await auditCsvResponse((await contextFor(noRight.token)).session, params);
    expect(refused.status).toBe(404);
    expect(
      await env.prisma.auditEvent.findFirst({ where: { actorPersonId: noRight.personId, action: "audit.exported" } }),
    ).toMatchObject({ outcome: "DENIED", partnerId: A.partnerId });
    expect((await auditCsvResponse(null, params)).status).toBe(404);
  });
});
