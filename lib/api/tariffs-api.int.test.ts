import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as tariffsRoute } from "@/app/api/v1/tariffs/route";
import { seedCatalogue } from "@/lib/db/seed-catalogue";
import { startIntegrationDatabase } from "@/lib/testing/integration";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
  await seedCatalogue(env.prisma);
});
afterAll(async () => {
  await env.close();
});

const get = (headers: Record<string, string> = {}) =>
  tariffsRoute(new Request("http://localhost/api/v1/tariffs", { headers }));

describe("GET /api/v1/tariffs", () => {
  it("answers the active tariffs with price, currency and limits, without a login", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tariffs: Record<string, unknown>[] };
    expect(body.tariffs[0]).toEqual({
      slug: "start",
      name: "Старт",
      priceMonthly: 25_000,
      currency: "KZT",
      limits: { users: 2, storageMb: 1_024, requestsPerMonth: 20 },
    });
    expect(body.tariffs.map((t) => t.slug)).toEqual(["start", "business", "premium"]);
  });

  it("names the tariffs in the Accept-Language language and leaves out retired ones", async () => {
    await env.prisma.tariff.update({ where: { slug: "premium" }, data: { active: false } });
    try {
      const body = (await (await get({ "accept-language": "en-US,en;q=0.9" })).json()) as {
        tariffs: { name: string }[];
      };
      expect(body.tariffs.map((t) => t.name)).toEqual(["Start", "Business"]);
    } finally {
      await env.prisma.tariff.update({ where: { slug: "premium" }, data: { active: true } });
    }
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await openapiRoute()).json()) as { paths: Record<string, { get?: unknown }> };
    expect(doc.paths["/api/v1/tariffs"]?.get).toBeDefined();
  });
});
