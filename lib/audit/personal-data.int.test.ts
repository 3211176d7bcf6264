import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { requestLoginCode, verifyLoginCode } from "@/lib/auth/login";
import { inviteMember } from "@/lib/members/actions/invite-member";
import {
  contextFor,
  lastCode,
  meta,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { createAuditCheckpoint } from "./checkpoint";
import { auditCsvStream } from "./log-csv";
import { listPartnerAuditEvents } from "./log-queries";
import { erasePersonalDataKey, phoneSubject } from "./personal-data";
import { verifyAuditChains } from "./verify";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const digits = (phone: string) => phone.replace(/\D/g, "").slice(1);
const csv = async (partnerId: string, action: string) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of auditCsvStream(env.prisma, partnerId, { action }, "ru")) chunks.push(chunk);
  return new TextDecoder().decode(Buffer.concat(chunks));
};

describe("personal data in audit rows (AUD-6, PRV-5)", () => {
  it("keeps an unknown number's login attempts without the number in clear, chain named by a pseudonym", async () => {
    const phone = uniquePhone();
    expect((await requestLoginCode(phone, meta(), "ru")).ok).toBe(true);
    const code = await lastCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    expect((await verifyLoginCode(phone, wrong, meta(), "API")).ok).toBe(false);

    const rows = await env.prisma.auditEvent.findMany({ where: { chainKey: phoneSubject(phone) } });
    expect(rows.map((r) => r.action)).toEqual(["auth.code_sent", "auth.code_wrong"]);
    for (const row of rows) {
      expect(JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
        digits(phone),
      );
      expect(row.actorPhone).toMatch(/^sealed:v1:phone:/);
    }
    expect(await verifyAuditChains(env.prisma, [phoneSubject(phone)])).toMatchObject({ ok: true });
  });

  it("names the invitee by the invitation instead of copying the name and phone into the record", async () => {
    const owner = await registerPartner();
    const ctx = await contextFor(owner.token);
    expect((await requestStepUpCode.run({}, ctx)).ok).toBe(true);
    const invitee = uniquePhone();
    const invited = await inviteMember.run(
      {
        phone: invitee,
        name: "Айгерим Садыкова",
        role: "FULL",
        rights: {},
        documentCategories: [],
        code: await lastCode(owner.phone),
      },
      ctx,
    );
    expect(invited.ok).toBe(true);
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { partnerId: owner.partnerId, action: "member.invited" },
    });
    expect(JSON.stringify(row.details)).not.toMatch(new RegExp(`Айгерим|${digits(invitee)}`));
    const page = await listPartnerAuditEvents(env.prisma, owner.partnerId, { action: "member.invited" }, null);
    expect(page.rows[0]).toMatchObject({ targetType: "invitation", targetName: "Айгерим Садыкова" });
  });

  it("erasing a phone's key leaves its values unreadable on the page and in the CSV, and the chain intact", async () => {
    const owner = await registerPartner();
    expect((await requestStepUpCode.run({}, await contextFor(owner.token))).ok).toBe(true);
    const before = await listPartnerAuditEvents(
      env.prisma,
      owner.partnerId,
      { action: "auth.step_up_code_sent" },
      null,
    );
    expect(before.rows[0]).toMatchObject({ targetType: "phone", targetId: owner.phone, targetErased: false });
    expect(await csv(owner.partnerId, "auth.step_up_code_sent")).toContain(owner.phone.replace("+", "'+"));
    await createAuditCheckpoint(env.prisma);

    expect(await erasePersonalDataKey(phoneSubject(owner.phone))).toBe(true);

    const after = await listPartnerAuditEvents(env.prisma, owner.partnerId, { action: "auth.step_up_code_sent" }, null);
    expect(after.rows[0]).toMatchObject({ targetType: "phone", targetId: null, targetErased: true });
    const text = await csv(owner.partnerId, "auth.step_up_code_sent");
    expect(text).toContain("[данные удалены]");
    expect(text).not.toContain(digits(owner.phone));
    // A later login creates a new key for the number; it does not open what was sealed before.
    await requestLoginCode(owner.phone, meta(), "ru");
    const again = await listPartnerAuditEvents(env.prisma, owner.partnerId, { action: "auth.step_up_code_sent" }, null);
    expect(again.rows[0]).toMatchObject({ targetErased: true });
    expect(await verifyAuditChains(env.prisma)).toMatchObject({ ok: true, invalidCheckpoints: [] });
  });
});
