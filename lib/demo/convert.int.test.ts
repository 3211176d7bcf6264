import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { requestLoginCode } from "@/lib/auth/login";
import { resolveSession } from "@/lib/auth/session";
import { commitUpload } from "@/lib/documents/actions/upload";
import { deleteFilesJob } from "@/lib/jobs/handlers/delete-files";
import { demoPurgeJob, purgeDemoCabinet } from "@/lib/jobs/handlers/demo-purge";
import { createRequest } from "@/lib/requests/actions/create-request";
import { createShare } from "@/lib/sharing/actions/create-share";
import { getStorage, newObjectKey, setStorageForTests } from "@/lib/storage";
import {
  contextFor,
  lastCode,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { testStorage, type TestStorage } from "@/lib/testing/storage";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";
import { convertDemo } from "./actions/convert-demo";
import { requestConversionCode } from "./actions/request-conversion-code";
import { isDemoPhone } from "./phones";
import { SAMPLE_DOCUMENTS } from "./sample";
import { startDemo } from "./start";

/**
 * BIZ-3: the visitor turns their demo cabinet into a real Partner. What they made stays, every sample
 * row and file goes, the purge leaves the cabinet alone, and the usual code rules hold.
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

async function demo() {
  const result = await startDemo({ session: null, meta: meta(), locale: "ru" });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const session = await resolveSession(result.data.token);
  return { ...result.data, personId: session!.person!.id };
}

function registration(phone: string, code: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Айгерим Сапарова",
    email: "aigerim@example.kz",
    partnerType: "LEGAL_ENTITY",
    partnerName: "ТОО «Настоящая компания»",
    taxId: randomKzTaxId(),
    accept: "on",
    adult: "on",
    phone,
    code,
    ...overrides,
  };
}

async function sendCode(token: string, phone: string): Promise<string> {
  const sent = await requestConversionCode.run({ phone }, await contextFor(token));
  if (!sent.ok) throw new Error(JSON.stringify(sent.error));
  return lastCode(phone);
}

/** A document of the visitor's own, uploaded the usual way (file stored first, then the change). */
async function uploadOwn(token: string, partnerId: string) {
  const bytes = Buffer.from(`%PDF-1.4 own ${randomBytes(4).toString("hex")}`);
  const storageKey = newObjectKey(partnerId);
  await getStorage().put(storageKey, Readable.from([bytes]), { contentType: "application/pdf", size: bytes.length });
  const result = await commitUpload.run(
    {
      partnerId,
      category: "contracts",
      title: "Мой договор аренды",
      files: [
        {
          storageKey,
          originalName: "arenda.pdf",
          mime: "application/pdf",
          size: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          scanStatus: "NOT_SCANNED",
        },
      ],
    },
    await contextFor(token),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return storageKey;
}

async function state(partnerId: string) {
  const partner = await db.prisma.partner.findUniqueOrThrow({ where: { id: partnerId } });
  return {
    demoExpiresAt: partner.demoExpiresAt,
    taxId: partner.taxId,
    name: partner.name,
    documents: await db.prisma.document.count({ where: { partnerId } }),
    requests: await db.prisma.request.count({ where: { partnerId } }),
    members: await db.prisma.membership.count({ where: { partnerId } }),
    files: (await storage.keys()).filter((k) => k.includes(partnerId)).length,
  };
}

/** The file removal the conversion enqueued, run as the worker would. */
async function runFileJobs(partnerId: string) {
  const jobs = await db.prisma.$queryRawUnsafe<{ data: { keys: string[] } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'storage.delete-files' AND data::text LIKE $1`,
    `%${partnerId}%`,
  );
  for (const job of jobs) await deleteFilesJob(job.data);
  return jobs.length;
}

describe("turning a demo cabinet into a real Partner", () => {
  it("keeps what the visitor made, removes every sample row and file, and the purge leaves it alone", async () => {
    const { partnerId, token, personId } = await demo();
    const ownKey = await uploadOwn(token, partnerId);
    const sampleDoc = await db.prisma.document.findFirstOrThrow({ where: { partnerId, sample: true } });
    // The visitor's own request, with a sample document attached to it.
    const own = await createRequest.run(
      {
        category: "accounting",
        subject: "Наш первый настоящий вопрос",
        text: "Как сдать отчёт?",
        documentIds: [sampleDoc.id],
      },
      await contextFor(token),
    );
    expect(own.ok).toBe(true);
    const samplePeople = (
      await db.prisma.membership.findMany({ where: { partnerId, sample: true }, select: { personId: true } })
    ).map((m) => m.personId);
    expect(samplePeople).toHaveLength(2);
    const auditRows = await db.prisma.auditEvent.count({ where: { partnerId } });

    const phone = uniquePhone();
    const result = await convertDemo.run(registration(phone, await sendCode(token, phone)), await contextFor(token));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { partnerId } });

    const partner = await db.prisma.partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(partner).toMatchObject({
      status: "DEMO",
      demoExpiresAt: null,
      name: "ТОО «Настоящая компания»",
      contractNumber: null,
      outsourcingCompanyId: null,
    });
    // Only the visitor's own document, request and membership are left.
    const documents = await db.prisma.document.findMany({ where: { partnerId } });
    expect(documents.map((d) => [d.title, d.sample])).toEqual([["Мой договор аренды", false]]);
    const requests = await db.prisma.request.findMany({ where: { partnerId }, include: { messages: true } });
    expect(requests.map((r) => [r.subject, r.messages.length])).toEqual([["Наш первый настоящий вопрос", 1]]);
    expect(await db.prisma.requestAttachment.count({ where: { partnerId } })).toBe(0);
    const members = await db.prisma.membership.findMany({ where: { partnerId } });
    expect(members.map((m) => [m.personId, m.role])).toEqual([[personId, "PRIMARY"]]);
    expect(await db.prisma.person.count({ where: { id: { in: samplePeople } } })).toBe(0);
    expect(
      await db.prisma.personalDataKey.count({ where: { subject: { in: samplePeople.map((p) => `person:${p}`) } } }),
    ).toBe(0);
    const own_version = await db.prisma.documentVersion.findFirstOrThrow({ where: { partnerId } });
    expect(partner.storageUsedBytes).toBe(own_version.size);
    // The audit trail is append-only: its rows of the sample history stay, and the conversion is added.
    expect(await db.prisma.auditEvent.count({ where: { partnerId } })).toBeGreaterThan(auditRows);
    expect(
      await db.prisma.auditEvent.count({ where: { partnerId, action: "demo.converted", outcome: "SUCCESS" } }),
    ).toBe(1);

    // The person has the real number, with the legal texts accepted; the session goes on with it.
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: personId } });
    expect(person).toMatchObject({ phone, name: "Айгерим Сапарова", email: "aigerim@example.kz" });
    expect(await db.prisma.legalAcceptance.count({ where: { personId } })).toBeGreaterThanOrEqual(3);
    const session = await resolveSession(token);
    expect(session).toMatchObject({ phone, person: { id: personId } });

    // The sample files leave after the commit, by the job; the visitor's file stays.
    expect((await storage.keys()).filter((k) => k.includes(partnerId))).toHaveLength(SAMPLE_DOCUMENTS.length + 1);
    expect(await runFileJobs(partnerId)).toBe(1);
    const left = (await storage.keys()).filter((k) => k.includes(partnerId));
    expect(left).toHaveLength(1);
    expect(left[0]!.endsWith(ownKey)).toBe(true);

    // The purge no longer touches it, even long past the demo's end.
    await demoPurgeJob();
    await purgeDemoCabinet(partnerId);
    expect(await state(partnerId)).toMatchObject({
      demoExpiresAt: null,
      documents: 1,
      requests: 1,
      members: 1,
      files: 1,
    });

    // Messages now reach the real number (the demo guard let nothing go out before): a step-up code
    // waits out the minute after the conversion code, as any second code to one number; a login code goes.
    const stepUp = await requestStepUpCode.run({}, await contextFor(token));
    expect(stepUp).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    const sms = await db.prisma.smsMessage.count({ where: { to: phone } });
    expect(await requestLoginCode(phone, meta(), "ru")).toMatchObject({ ok: true });
    expect(await db.prisma.smsMessage.count({ where: { to: phone } })).toBe(sms + 1);
    expect(isDemoPhone(phone)).toBe(false);

    // A converted cabinet cannot be converted again.
    const again = await requestConversionCode.run({ phone: uniquePhone() }, await contextFor(token));
    expect(again).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("lets nothing reach a real number before the conversion: no sharing from a demo cabinet", async () => {
    const { partnerId, token } = await demo();
    const document = await db.prisma.document.findFirstOrThrow({ where: { partnerId, sample: true } });
    const phone = uniquePhone();
    const refused = await createShare.run(
      {
        documentIds: [document.id],
        phone,
        name: "Контрагент",
        organisationName: "ТОО «Контрагент»",
        organisationBin: randomKzTaxId(),
        rights: ["view"],
      },
      await contextFor(token),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict", key: "demo_no_sms" } });
    expect(await db.prisma.smsMessage.count({ where: { to: phone } })).toBe(0);
    expect(await db.prisma.shareGrant.count({ where: { partnerId } })).toBe(0);
  });

  it("voids the code after three wrong ones, as every confirmation code", async () => {
    const { partnerId, token, personId } = await demo();
    const phone = uniquePhone();
    const code = await sendCode(token, phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) {
      const result = await convertDemo.run(registration(phone, wrong), await contextFor(token));
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(result.ok ? null : result.error.fieldErrors?.code).toBeTruthy();
    }
    // The right code no longer works: a new one must be asked for.
    const late = await convertDemo.run(registration(phone, code), await contextFor(token));
    expect(late.ok ? null : late.error.fieldErrors?.code).toBeTruthy();
    expect(
      await db.prisma.auditEvent.count({
        where: { action: "auth.code_wrong", actorPersonId: personId, outcome: "FAILURE" },
      }),
    ).toBe(3);
    expect((await state(partnerId)).demoExpiresAt).not.toBeNull();
    // Asking too soon is throttled as usual; the code is gone until a new one is sent.
    const tooSoon = await requestConversionCode.run({ phone }, await contextFor(token));
    expect(tooSoon).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });

  it("refuses a number that is already registered, before any SMS and at the end, with nothing changed", async () => {
    const { partnerId, token } = await demo();
    const before = await state(partnerId);
    const taken = await registerPartner();
    const sms = await db.prisma.smsMessage.count({ where: { to: taken.phone } });
    const refused = await requestConversionCode.run({ phone: taken.phone }, await contextFor(token));
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(refused.ok ? null : refused.error.fieldErrors?.phone?.[0]).toMatch(/Войдите/);
    expect(await db.prisma.smsMessage.count({ where: { to: taken.phone } })).toBe(sms);

    // The number got a person between the code and the conversion.
    const phone = uniquePhone();
    const code = await sendCode(token, phone);
    await db.prisma.person.create({ data: { phone, name: "Кто-то другой" } });
    const late = await convertDemo.run(registration(phone, code), await contextFor(token));
    expect(late).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(late.ok ? null : late.error.fieldErrors?.phone).toBeTruthy();
    expect(await state(partnerId)).toEqual(before);
  });

  it("refuses a BIN that already has a cabinet beside the field, with nothing changed and the code kept", async () => {
    const { partnerId, token } = await demo();
    const before = await state(partnerId);
    const other = await registerPartner();
    const { taxId } = await db.prisma.partner.findUniqueOrThrow({ where: { id: other.partnerId } });
    const phone = uniquePhone();
    const code = await sendCode(token, phone);
    const refused = await convertDemo.run(registration(phone, code, { taxId }), await contextFor(token));
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(refused.ok ? null : refused.error.fieldErrors?.taxId).toBeTruthy();
    expect(await state(partnerId)).toEqual(before);
    expect(await db.prisma.person.count({ where: { phone } })).toBe(0);
    // Fixed, the same code still converts.
    const fixed = await convertDemo.run(registration(phone, code), await contextFor(token));
    expect(fixed.ok).toBe(true);
  });

  it("checks the registration fields with the registration's own rules", async () => {
    const { token } = await demo();
    const result = await convertDemo.run(
      registration(uniquePhone(), "123456", { taxId: "123456789012", accept: "", adult: "", email: "nope" }),
      await contextFor(token),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(Object.keys(result.ok ? {} : (result.error.fieldErrors ?? {})).sort()).toEqual([
      "accept",
      "adult",
      "email",
      "taxId",
    ]);
  });
});
