import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, lastCode, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { requestStepUpCode } from "./actions/request-step-up-code";
import { LIMITS } from "./limits";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let failing: Server;
beforeAll(async () => {
  env = await startIntegrationDatabase();
  failing = createServer((_req, res) => res.writeHead(502).end("bad gateway"));
  await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => failing.close(() => resolve()));
  await env.close();
});

describe("confirmation codes and a failing gateway", () => {
  it("answer 'unavailable', use up no quota, and the code works once the gateway does", async () => {
    const owner = await registerPartner();
    process.env.SMS_PROVIDER = "mobizon";
    process.env.MOBIZON_API_KEY = "test-key";
    process.env.MOBIZON_API_URL = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < LIMITS.codesPerPhonePerHour + 1; i++) {
        const result = await requestStepUpCode.run({}, await contextFor(owner.token));
        expect(result).toMatchObject({ ok: false, error: { code: "unavailable" } });
      }
    } finally {
      process.env.SMS_PROVIDER = "outbox";
    }
    const withdrawn = await env.prisma.otpCode.findMany({ where: { phone: owner.phone, purpose: "CONFIRM" } });
    expect(withdrawn).toHaveLength(LIMITS.codesPerPhonePerHour + 1);
    expect(withdrawn.every((c) => c.sendFailedAt && c.voidedAt)).toBe(true);
    expect(
      await env.prisma.auditEvent.count({ where: { actorPersonId: owner.personId, action: "auth.code_send_failed" } }),
    ).toBe(LIMITS.codesPerPhonePerHour + 1);

    // No resend pause and no hourly limit left over from the failures.
    const sent = await requestStepUpCode.run({}, await contextFor(owner.token));
    expect(sent.ok).toBe(true);
    expect(await lastCode(owner.phone)).toMatch(/^\d{6}$/);
  });
});
