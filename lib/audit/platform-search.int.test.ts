import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLoginCode } from "@/lib/auth/login";
import {
  contextFor,
  login,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import type { AuditLogCursor } from "./log-filters";
import { platformAuditCsvLoader, platformAuditLoader } from "./platform-loaders";
import { listPlatformAuditEvents, parsePlatformAuditSearch, type PlatformAuditFilters } from "./platform-search";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let a: Awaited<ReturnType<typeof registerPartner>> & { taxId: string };
let b: Awaited<ReturnType<typeof registerPartner>>;
let admin: { personId: string; token: string };
let support: { personId: string; token: string };
let staff: { personId: string; token: string };
const unknownPhone = uniquePhone();
const A_NAME = "ТОО «Алтын Жол Логистик»";
const IP = "198.51.100.77";

beforeAll(async () => {
  env = await startIntegrationDatabase();
  a = { ...(await registerPartner({ partnerName: A_NAME })), taxId: "" };
  a.taxId = (await env.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } })).taxId;
  b = await registerPartner({ partnerName: "ТОО «Бета»" });
  const person = async (name: string) => {
    const phone = uniquePhone();
    const p = await env.prisma.person.create({ data: { phone, name, adultConfirmedAt: new Date() } });
    return { phone, personId: p.id };
  };
  const operator = async (role: "ADMIN" | "SUPPORT") => {
    const p = await person(`Оператор ${role}`);
    await env.prisma.operator.create({ data: { personId: p.personId, role } });
    return { personId: p.personId, token: await login(p.phone) };
  };
  admin = await operator("ADMIN");
  support = await operator("SUPPORT");
  const company = await env.prisma.outsourcingCompany.create({ data: { name: "Аутсорсинг" } });
  await env.prisma.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: company.id } });
  const s = await person("Менеджер Аутсорсинга");
  await env.prisma.staffMember.create({ data: { companyId: company.id, personId: s.personId, role: "MANAGER" } });
  staff = { personId: s.personId, token: await login(s.phone) };
  // A number without a person asks for a code from a known address: its rows sit on the phone's chain.
  expect((await requestLoginCode(unknownPhone, meta(IP), "ru")).ok).toBe(true);
});
afterAll(async () => {
  await env.close();
});

const search = async (filters: PlatformAuditFilters, limit = 1000, cursor: AuditLogCursor | null = null) =>
  listPlatformAuditEvents(env.prisma, filters, cursor, limit);

describe("the platform-wide audit search", () => {
  it("is for operators only: members and staff get not found, and the refusal is recorded", async () => {
    for (const op of [admin, support]) {
      const r = await platformAuditLoader.run({ search: {} }, { session: (await contextFor(op.token)).session });
      expect(r.ok).toBe(true);
    }
    for (const who of [a, staff]) {
      const session = (await contextFor(who.token)).session;
      expect(await platformAuditLoader.run({ search: {} }, { session, meta: meta() })).toEqual({
        ok: false,
        code: "not_found",
      });
      const csv = await platformAuditCsvLoader.run({ params: new URLSearchParams(), locale: "ru" }, { session });
      expect(csv).toEqual({ ok: false, code: "not_found" });
      expect(
        await env.prisma.auditEvent.count({
          where: {
            actorPersonId: who.personId,
            outcome: "DENIED",
            action: { in: ["read.denied", "admin.audit_exported"] },
          },
        }),
      ).toBe(2);
    }
    expect(await platformAuditLoader.run({ search: {} }, { session: null })).toEqual({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("spans every chain: Partners, people and phones", async () => {
    const { rows } = await search({});
    const chains = await env.prisma.auditEvent.groupBy({ by: ["chainKey"] });
    expect(rows.length).toBe(await env.prisma.auditEvent.count());
    expect(new Set(rows.map((r) => r.partnerId))).toEqual(new Set([a.partnerId, b.partnerId, null]));
    expect(chains.some((c) => c.chainKey.startsWith("phone:"))).toBe(true);
  });

  it("filters by Partner name or BIN, and says when no Partner matches", async () => {
    for (const partner of ["алтын жол", a.taxId]) {
      const page = await search({ partner });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.rows.every((r) => r.partnerId === a.partnerId && r.partnerName === A_NAME)).toBe(true);
    }
    expect(await search({ partner: "Несуществующее ТОО" })).toMatchObject({ rows: [], unknownPartner: true });
  });

  it("filters by action, outcome, date and address", async () => {
    const denied = await search({ outcome: "DENIED" });
    expect(denied.rows.length).toBeGreaterThanOrEqual(4);
    expect(denied.rows.every((r) => r.outcome === "DENIED")).toBe(true);
    const registered = await search({ action: "auth.registered" });
    expect(registered.rows.map((r) => r.partnerId).sort()).toEqual([a.partnerId, b.partnerId].sort());
    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
    expect((await search({ from: today, to: today })).rows.length).toBe((await search({})).rows.length);
    expect((await search({ from: "2031-01-01" })).rows).toEqual([]);
    const fromIp = await search({ ip: IP });
    expect(fromIp.rows.length).toBeGreaterThan(0);
    expect(fromIp.rows.every((r) => r.ip === IP)).toBe(true);
  });

  it("finds an actor by phone (their person or the number's own chain, opened), by id and by name", async () => {
    const byUnknown = await search({ actor: unknownPhone });
    expect(byUnknown.rows.map((r) => r.action)).toContain("auth.code_sent");
    expect(byUnknown.rows.every((r) => r.actorPhone === unknownPhone)).toBe(true);
    // Typed the local way.
    expect((await search({ actor: `8${unknownPhone.slice(2)}` })).rows.length).toBe(byUnknown.rows.length);
    const byPhone = await search({ actor: a.phone });
    expect(byPhone.rows.length).toBeGreaterThan(0);
    expect(byPhone.rows.every((r) => r.actorPersonId === a.personId || r.actorPhone === a.phone)).toBe(true);
    const byId = await search({ actor: support.personId });
    expect(byId.rows.length).toBeGreaterThan(0);
    expect(byId.rows.every((r) => r.actorPersonId === support.personId)).toBe(true);
    const byName = await search({ actor: "менеджер аутсорс" });
    expect(byName.rows.every((r) => r.actorName === "Менеджер Аутсорсинга")).toBe(true);
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(await search({ actor: "Никто Никтоев" })).toMatchObject({ rows: [], unknownActor: true });
  });

  it("pages by keyset: the pages join up to the whole list, newest first, without repeats", async () => {
    const all = (await search({})).rows.map((r) => r.id);
    const walked: bigint[] = [];
    let cursor: AuditLogCursor | null = null;
    do {
      const page = await search({}, 7, cursor);
      walked.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it("reads filters from the URL, dropping only the values it does not understand", () => {
    const parsed = parsePlatformAuditSearch(
      new URLSearchParams({
        partner: " ТОО ",
        outcome: "MAYBE",
        ip: "not-an-ip",
        from: "2026-12-01",
        to: "2026-11-01",
      }),
    );
    expect(parsed.filters).toEqual({ partner: "ТОО", from: "2026-12-01" });
    expect(parsed.ignored.sort()).toEqual(["ip", "outcome"]);
    expect(parsed.reversedTo).toBe("2026-11-01");
  });

  it("exports the filtered rows as CSV with neutralised cells, and records each export", async () => {
    await env.prisma.partner.update({ where: { id: b.partnerId }, data: { name: '=HYPERLINK("http://x")' } });
    const session = (await contextFor(support.token)).session;
    const r = await platformAuditCsvLoader.run(
      { params: new URLSearchParams({ partner: "HYPERLINK", action: "auth.registered" }), locale: "ru" },
      { session, meta: meta() },
    );
    expect(r.ok).toBe(true);
    const text = await (r.ok ? r.data.text() : "");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[0]).toContain("Партнёр");
    const recorded = await env.prisma.auditEvent.findFirstOrThrow({
      where: { action: "admin.audit_exported", actorPersonId: support.personId, outcome: "SUCCESS" },
    });
    expect(recorded.details).toMatchObject({ filters: { partner: "HYPERLINK", action: "auth.registered" } });
  });
});
