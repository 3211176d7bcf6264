import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { resolveSession } from "@/lib/auth/session";
import { documentLibraryLoader } from "@/lib/documents/queries";
import { demoPurgeJob } from "@/lib/jobs/handlers/demo-purge";
import { setStorageForTests } from "@/lib/storage";
import { contextFor, meta, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { testStorage, type TestStorage } from "@/lib/testing/storage";
import { isDemoPhone } from "./phones";
import { DEMO_PER_IP_PER_HOUR, SAMPLE_DOCUMENTS } from "./sample";
import { startDemo } from "./start";

/**
 * The one-click demo (BIZ-3): an isolated cabinet full of sample data and a session into it, at most
 * a few per address; after its end a job removes every row and file of it and nothing of others.
 */

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let storage: TestStorage;
let restore: () => void;
beforeAll(async () => {
  db = await startIntegrationDatabase();
  storage = await testStorage("local");
  restore = setStorageForTests(storage.store);
});
afterAll(async () => {
  restore();
  await storage.stop();
  await db.close();
});

const visitor = (ip: string) => ({ session: null, meta: meta(ip), locale: "ru" });

async function demo(ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) {
  const result = await startDemo(visitor(ip));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

describe("starting a demo cabinet", () => {
  it("creates an isolated cabinet with sample data and logs the visitor in as its primary user", async () => {
    const { partnerId, token } = await demo();
    const session = await resolveSession(token);
    expect(session?.person).not.toBeNull();
    expect(isDemoPhone(session!.phone)).toBe(true);
    const partner = await db.prisma.partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(partner.status).toBe("DEMO");
    const days = (partner.demoExpiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const members = await db.prisma.membership.findMany({ where: { partnerId }, include: { person: true } });
    expect(members.map((m) => m.role).sort()).toEqual(["FULL", "PRIMARY", "RESTRICTED"]);
    expect(members.every((m) => isDemoPhone(m.person.phone))).toBe(true);

    const library = await documentLibraryLoader.run({}, { session, meta: meta() });
    expect(library.ok && library.data.items.map((d) => d.title).sort()).toEqual(
      SAMPLE_DOCUMENTS.map((d) => d.title).sort(),
    );
    // The outsourcer's fresh tax report waits in the inbox.
    expect(library.ok && library.data.unread).toBe(1);
    expect((await storage.keys()).filter((k) => k.includes(partnerId))).toHaveLength(SAMPLE_DOCUMENTS.length);
    // Requests to the accountant with the accountant's answers.
    const requests = await db.prisma.request.findMany({ where: { partnerId }, include: { messages: true } });
    expect(requests.map((r) => [r.status, r.messages.length]).sort()).toEqual([
      ["RESOLVED", 2],
      ["WAITING_PARTNER", 2],
    ]);
    expect(await db.prisma.auditEvent.count({ where: { partnerId } })).toBeGreaterThanOrEqual(
      SAMPLE_DOCUMENTS.length + 1,
    );
  });

  it("sends no code to a demo person", async () => {
    const { token } = await demo();
    const result = await requestStepUpCode.run({}, await contextFor(token));
    expect(result).toMatchObject({ ok: false, error: { code: "conflict", key: "demo_no_codes" } });
    expect(await db.prisma.smsMessage.count({ where: { to: { startsWith: "+999" } } })).toBe(0);
  });

  it(`allows ${DEMO_PER_IP_PER_HOUR} demos an hour from one address, and leaves no file of a refused one`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < DEMO_PER_IP_PER_HOUR; i++) await demo(ip);
    const objects = (await storage.keys()).length;
    const refused = await startDemo(visitor(ip));
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect((await storage.keys()).length).toBe(objects);
    await demo("192.0.2.78");
  });

  it("creates 10 demos in parallel without an error", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => startDemo(visitor(`203.0.113.${i + 1}`))));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(new Set(results.map((r) => r.ok && r.data.partnerId)).size).toBe(10);
  });
});

describe("the demo purge", () => {
  it("removes every row and file of expired demo cabinets, and nothing of the others", async () => {
    const expired = await demo();
    const live = await demo();
    const real = await registerPartner();
    const people = (await db.prisma.membership.findMany({ where: { partnerId: expired.partnerId } })).map(
      (m) => m.personId,
    );
    const auditRows = await db.prisma.auditEvent.count({ where: { partnerId: expired.partnerId } });
    await db.prisma.partner.update({
      where: { id: expired.partnerId },
      data: { demoExpiresAt: new Date(Date.now() - 60_000) },
    });
    const before = { live: await footprint(live.partnerId), real: await footprint(real.partnerId) };

    await demoPurgeJob();

    expect(await footprint(expired.partnerId)).toEqual({ partner: 0, members: 0, documents: 0, versions: 0, files: 0 });
    expect(await db.prisma.request.count({ where: { partnerId: expired.partnerId } })).toBe(0);
    expect(await db.prisma.requestMessage.count({ where: { partnerId: expired.partnerId } })).toBe(0);
    expect(await db.prisma.person.count({ where: { id: { in: people } } })).toBe(0);
    expect(await db.prisma.session.count({ where: { personId: { in: people } } })).toBe(0);
    expect(
      await db.prisma.personalDataKey.count({ where: { subject: { in: people.map((p) => `person:${p}`) } } }),
    ).toBe(0);
    expect(await resolveSession(expired.token)).toBeNull();
    // The audit trail is append-only: its rows stay, what they held of the people is sealed for good.
    expect(await db.prisma.auditEvent.count({ where: { partnerId: expired.partnerId } })).toBe(auditRows);
    expect({ live: await footprint(live.partnerId), real: await footprint(real.partnerId) }).toEqual(before);
    expect(before.live.files).toBe(SAMPLE_DOCUMENTS.length);
  });
});

async function footprint(partnerId: string) {
  return {
    partner: await db.prisma.partner.count({ where: { id: partnerId } }),
    members: await db.prisma.membership.count({ where: { partnerId } }),
    documents: await db.prisma.document.count({ where: { partnerId } }),
    versions: await db.prisma.documentVersion.count({ where: { partnerId } }),
    files: (await storage.keys()).filter((k) => k.includes(partnerId)).length,
  };
}
