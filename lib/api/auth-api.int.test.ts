import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as logoutRoute } from "@/app/api/v1/auth/logout/route";
import { POST as requestRoute } from "@/app/api/v1/auth/otp/request/route";
import { POST as verifyRoute } from "@/app/api/v1/auth/otp/verify/route";
import { POST as registerRoute } from "@/app/api/v1/auth/register/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { CLIENT_IP_HEADER } from "@/lib/auth/request-meta";
import { lastCode, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { randomKzTaxId } from "@/lib/validation/kz-tax-id";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

let ipCounter = 0;
function post(body: unknown, headers: Record<string, string> = {}): Request {
  ipCounter += 1;
  return new Request("http://localhost/api", {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: `192.0.2.${ipCounter % 250}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function call(route: (r: Request) => Promise<Response>, request: Request) {
  const response = await route(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/v1/auth/otp/request", () => {
  it("answers 202 with the resend delay, then 429 with when to retry", async () => {
    const phone = uniquePhone();
    expect(await call(requestRoute, post({ phone }))).toEqual({ status: 202, body: { retryAfterSeconds: 60 } });
    const again = await call(requestRoute, post({ phone }));
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ error: "rate_limited" });
    expect(again.body.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses bad input with 400 and a message in the caller's language", async () => {
    const ru = await call(requestRoute, post({ phone: "12" }));
    expect(ru).toMatchObject({ status: 400, body: { error: "invalid_phone" } });
    expect(String(ru.body.message)).toMatch(/номер/);
    const kk = await call(requestRoute, post({ phone: "12" }, { "accept-language": "kk-KZ" }));
    expect(kk.body.message).not.toEqual(ru.body.message);
    expect((await call(requestRoute, post("{not json"))).body).toMatchObject({ error: "invalid_request" });
    expect((await call(requestRoute, post("[1,2]"))).status).toBe(400);
    expect((await call(requestRoute, post({ phone: 77011234567 }))).status).toBe(400);
    expect((await call(requestRoute, post({ phone: "+77011234567", extra: 1 }))).status).toBe(400);
    const huge = await call(requestRoute, post({ phone: "+77011234567", pad: "x".repeat(1024 * 1024 + 10) }));
    expect(huge).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });
});

describe("POST /api/v1/auth/otp/verify", () => {
  it("counts wrong codes: 401 with attempts left twice, then 423 with the lock's end", async () => {
    const phone = uniquePhone();
    await call(requestRoute, post({ phone }));
    const code = await lastCode(phone);
    const bad = code === "000000" ? "111111" : "000000";
    expect(await call(verifyRoute, post({ phone, code: bad }))).toEqual({
      status: 401,
      body: { error: "invalid_code", attemptsLeft: 2 },
    });
    expect(await call(verifyRoute, post({ phone, code: bad }))).toEqual({
      status: 401,
      body: { error: "invalid_code", attemptsLeft: 1 },
    });
    const third = await call(verifyRoute, post({ phone, code: bad }));
    expect(third.status).toBe(423);
    expect(third.body.error).toBe("locked");
    expect(Date.parse(String(third.body.lockedUntil))).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await call(verifyRoute, post({ phone, code }))).status).toBe(423);
    expect((await call(requestRoute, post({ phone }))).status).toBe(423);
  });

  it("answers 410 without an active code and 400 for letters in the code", async () => {
    expect(await call(verifyRoute, post({ phone: uniquePhone(), code: "123456" }))).toEqual({
      status: 410,
      body: { error: "no_active_code" },
    });
    expect((await call(verifyRoute, post({ phone: uniquePhone(), code: "12a456" }))).status).toBe(400);
    expect((await call(verifyRoute, post({ phone: uniquePhone(), code: 123456 }))).status).toBe(400);
    expect((await call(verifyRoute, post({ phone: uniquePhone() }))).status).toBe(400);
  });
});

describe("registration, /me and logout with a bearer token", () => {
  it("registers a new number, shows the person's cabinets, and rejects the token right after logout", async () => {
    const phone = uniquePhone();
    await call(requestRoute, post({ phone }));
    const verified = await call(verifyRoute, post({ phone, code: await lastCode(phone) }));
    expect(verified).toMatchObject({ status: 200, body: { registrationRequired: true } });
    const auth = { authorization: `Bearer ${String(verified.body.token)}` };

    const me0 = await meRoute(new Request("http://localhost/api/v1/me", { headers: auth }));
    expect(await me0.json()).toMatchObject({ person: null, registrationRequired: true });

    const badTaxId = await call(
      registerRoute,
      post(
        {
          name: "Алия Омарова",
          email: "aliya@example.kz",
          partnerType: "LEGAL_ENTITY",
          partnerName: "ТОО «Бета»",
          taxId: "180440012340",
          accept: true,
          adult: true,
        },
        auth,
      ),
    );
    expect(badTaxId.status).toBe(400);
    expect(badTaxId.body.fieldErrors).toMatchObject({ taxId: [expect.stringMatching(/контрольной/)] });

    const registered = await call(
      registerRoute,
      post(
        {
          name: "Алия Омарова",
          email: "aliya@example.kz",
          partnerType: "LEGAL_ENTITY",
          partnerName: "ТОО «Бета»",
          taxId: randomKzTaxId(),
          accept: true,
          adult: true,
        },
        auth,
      ),
    );
    expect(registered.status).toBe(201);

    const me = await meRoute(new Request("http://localhost/api/v1/me", { headers: auth }));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      person: { name: "Алия Омарова", phone },
      cabinets: [{ name: "ТОО «Бета»", role: "PRIMARY", status: "DEMO" }],
    });

    expect((await logoutRoute(post({}, auth))).status).toBe(200);
    expect((await meRoute(new Request("http://localhost/api/v1/me", { headers: auth }))).status).toBe(401);
  });

  it("answers 401 for a missing or made-up token", async () => {
    expect((await meRoute(new Request("http://localhost/api/v1/me"))).status).toBe(401);
    expect(
      (
        await meRoute(
          new Request("http://localhost/api/v1/me", { headers: { authorization: "Bearer " + "a".repeat(43) } }),
        )
      ).status,
    ).toBe(401);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("describes every auth endpoint", async () => {
    const doc = (await (await openapiRoute()).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/auth/otp/request",
      "/api/v1/auth/otp/verify",
      "/api/v1/auth/register",
      "/api/v1/auth/logout",
      "/api/v1/me",
      "/api/v1/documents/{documentId}/routes",
      "/api/v1/signatures/{routeStepId}/code",
      "/api/v1/signatures/{routeStepId}/sign",
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
