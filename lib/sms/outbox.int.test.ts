import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/dev/sms-outbox/route";
import { requestLoginCode } from "@/lib/auth/login";
import { meta, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["NODE_ENV", "SMS_OUTBOX_HTTP", "SMS_OUTBOX_HTTP_IN_PRODUCTION"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

const get = (query: string) => GET(new Request(`http://localhost/api/dev/sms-outbox${query}`));

describe("GET /api/dev/sms-outbox", () => {
  it("answers only for one phone, never listing everyone's codes", async () => {
    setEnv({ NODE_ENV: "development", SMS_OUTBOX_HTTP: "1" });
    const phone = uniquePhone();
    const other = uniquePhone();
    expect((await requestLoginCode(phone, meta(), "ru")).ok).toBe(true);
    expect((await requestLoginCode(other, meta(), "ru")).ok).toBe(true);

    const all = await get("");
    expect(all.status).toBe(400);
    expect(JSON.stringify(await all.json())).not.toContain(other);
    expect((await get("?phone=")).status).toBe(400);
    expect((await get("?phone=abc")).status).toBe(400);

    const one = await get(`?phone=${encodeURIComponent(phone)}`);
    expect(one.status).toBe(200);
    const messages = (await one.json()) as { to: string }[];
    expect(messages.map((m) => m.to)).toEqual([phone]);
  });

  it("does not exist in a production build unless the tests' flag allows it", async () => {
    const phone = uniquePhone();
    setEnv({ NODE_ENV: "production", SMS_OUTBOX_HTTP: "1", SMS_OUTBOX_HTTP_IN_PRODUCTION: undefined });
    expect((await get(`?phone=${encodeURIComponent(phone)}`)).status).toBe(404);
    setEnv({ SMS_OUTBOX_HTTP_IN_PRODUCTION: "1" });
    expect((await get(`?phone=${encodeURIComponent(phone)}`)).status).toBe(200);
    setEnv({ NODE_ENV: "development", SMS_OUTBOX_HTTP: "0" });
    expect((await get(`?phone=${encodeURIComponent(phone)}`)).status).toBe(404);
  });
});
