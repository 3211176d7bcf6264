import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { drainJobs } from "@/lib/jobs/worker";
import { linksIn } from "@/lib/sms/plain-text";
import {
  contextFor,
  lastCode,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { inviteMember } from "./actions/invite-member";
import { resendInvitation } from "./actions/resend-invitation";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
const APP_URL = "https://cabinet.example.kz";
beforeAll(async () => {
  env = await startIntegrationDatabase();
  process.env.APP_URL = APP_URL;
});
afterAll(async () => {
  delete process.env.APP_URL;
  await env.close();
});

const NONE = { requests: "none", documents: "none", sharing: "none", profile: "view", billing: "none", audit: "none" };

async function invite(owner: { phone: string; token: string }, phone: string, code?: string) {
  const sent = await requestStepUpCode.run({}, await contextFor(owner.token));
  if (!sent.ok) throw new Error(JSON.stringify(sent.error));
  const input = { phone, name: "Дана", role: "RESTRICTED", rights: NONE, documentCategories: [] };
  return inviteMember.run({ ...input, code: code ?? (await lastCode(owner.phone)) }, await contextFor(owner.token));
}

const outbox = (to: string) => env.prisma.smsMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("invitation SMS", () => {
  it("goes through the queue, after the commit, with plain names and only the app's link", async () => {
    const owner = await registerPartner();
    // Names as a hostile user could store them: bidi override, markup, links, controls.
    await env.prisma.person.update({
      where: { id: owner.personId },
      data: { name: "Асан\u202E moc.live\u202C <b>Директоров</b> http://evil.example/pay\u0007" },
    });
    await env.prisma.partner.update({
      where: { id: owner.partnerId },
      data: { name: "ТОО «Ромашка» www.evil.kz/login pay.evil.com\u0085 evil\uff0ecom" },
    });
    const phone = uniquePhone();
    const result = await invite(owner, phone);
    expect(result.ok).toBe(true);
    // Committed with the invitation, not sent inside the action.
    expect(await outbox(phone)).toHaveLength(0);

    await drainJobs("sms.send");
    const [sms] = await outbox(phone);
    expect(sms?.text).toContain("Асан");
    expect(sms?.text).toMatch(/^Асан Директоров /);
    expect(sms?.text).toContain("ТОО «Ромашка»");
    expect(linksIn(sms!.text)).toEqual([`${APP_URL}/login`]);
    expect(sms?.text).not.toMatch(/[<>\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(sms?.text).not.toMatch(/evil|moc\.live/);

    // A resend (after the one-minute pause) is another job.
    if (!result.ok) return;
    await env.prisma.invitation.update({
      where: { id: result.data.invitationId },
      data: { lastSentAt: new Date(Date.now() - 120_000) },
    });
    expect(
      (await resendInvitation.run({ invitationId: result.data.invitationId }, await contextFor(owner.token))).ok,
    ).toBe(true);
    expect(await outbox(phone)).toHaveLength(1);
    await drainJobs("sms.send");
    expect(await outbox(phone)).toHaveLength(2);
  });

  it("a refused invitation sends nothing", async () => {
    const owner = await registerPartner();
    const phone = uniquePhone();
    const right = await (async () => {
      const sent = await requestStepUpCode.run({}, await contextFor(owner.token));
      if (!sent.ok) throw new Error("no code");
      return lastCode(owner.phone);
    })();
    const wrong = right === "000000" ? "111111" : "000000";
    const input = { phone, name: "Дана", role: "RESTRICTED", rights: NONE, documentCategories: [] };
    expect((await inviteMember.run({ ...input, code: wrong }, await contextFor(owner.token))).ok).toBe(false);
    const [queued] = await env.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE data->>'to' = $1`,
      phone,
    );
    expect(queued?.count).toBe(0);
    await drainJobs("sms.send");
    expect(await outbox(phone)).toHaveLength(0);
  });
});
