import { REQUEST_ID_HEADER } from "@/lib/auth/request-meta";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as registerRoute } from "@/app/api/v1/auth/register/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { closeDb } from "@/lib/db/client";
import { login, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let token: string;
let url: string;
beforeAll(async () => {
  env = await startIntegrationDatabase();
  token = await login(uniquePhone());
  url = process.env.DATABASE_URL!;
  // The database goes away: nothing listens on port 9 of this machine.
  await closeDb();
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/postgres?connect_timeout=2";
});
afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = url;
  await env.close();
});

describe("an API route that fails", () => {
  it("answers 500 with a JSON body naming the request id, never an empty body", async () => {
    const me = await meRoute(
      new Request("http://localhost/api/v1/me", {
        headers: { authorization: `Bearer ${token}`, [REQUEST_ID_HEADER]: "00000000-0000-4000-8000-00000000000a" },
      }),
    );
    expect(me.status).toBe(500);
    expect(me.headers.get("content-type")).toMatch(/application\/json/);
    expect(await me.json()).toEqual({ error: "internal", requestId: "00000000-0000-4000-8000-00000000000a" });

    const registered = await registerRoute(
      new Request("http://localhost/api/v1/auth/register", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Алия Омарова" }),
      }),
    );
    expect(registered.status).toBe(500);
    const body = (await registered.json()) as { error: string; requestId: string };
    expect(body.error).toBe("internal");
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
