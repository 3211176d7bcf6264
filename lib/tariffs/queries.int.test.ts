import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setClockForTests } from "@/lib/clock";
import { seedCatalogue } from "@/lib/db/seed-catalogue";
import { defineLoader } from "@/lib/tenancy/loader";
import { login, meta, contextFor, startIntegrationDatabase } from "@/lib/testing/integration";
import { formatTenge } from "./localize";
import { serviceListLoader, tariffDetailLoader, tariffListLoader } from "./queries";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
const anonymous = { session: null };
const DAY = 86_400_000;

beforeAll(async () => {
  env = await startIntegrationDatabase();
  await seedCatalogue(env.prisma);
});
afterAll(async () => {
  await env.close();
});

const texts = (name: string) => ({
  nameRu: name,
  nameKk: "",
  nameEn: `${name} (en)`,
  descriptionRu: `Описание ${name}`,
  descriptionKk: "",
  descriptionEn: "",
});

async function tariff(slug: string, prices: [offsetDays: number, amount: number][], extra: { active?: boolean } = {}) {
  return env.prisma.tariff.create({
    data: {
      slug,
      ...texts(`Тариф ${slug}`),
      maxUsers: 3,
      storageMb: 2048,
      requestsPerMonth: 30,
      includedServices: ["legal_help", "accounting", "unknown_key"],
      sortOrder: 100,
      ...extra,
      prices: {
        create: prices.map(([days, amount]) => ({ amount, effectiveFrom: new Date(Date.now() + days * DAY) })),
      },
    },
  });
}

async function list(locale = "ru") {
  const result = await tariffListLoader.run({ locale }, anonymous);
  if (!result.ok) throw new Error(result.code);
  return result.data;
}

describe("public tariffs", () => {
  it("show the newest price in effect now, and a scheduled price only from its date", async () => {
    await tariff("priced", [
      [-60, 10_000],
      [-10, 12_000],
      [20, 15_000],
    ]);
    expect((await list()).find((t) => t.slug === "priced")?.priceMonthly).toBe(12_000);
    const restore = setClockForTests(() => new Date(Date.now() + 21 * DAY));
    try {
      expect((await list()).find((t) => t.slug === "priced")?.priceMonthly).toBe(15_000);
    } finally {
      restore();
    }
  });

  it("hide inactive tariffs and tariffs whose first price is still to come, in the list and by slug", async () => {
    await tariff("retired", [[-30, 9_000]], { active: false });
    await tariff("upcoming", [[5, 9_000]]);
    const slugs = (await list()).map((t) => t.slug);
    expect(slugs).not.toContain("retired");
    expect(slugs).not.toContain("upcoming");
    for (const slug of ["retired", "upcoming", "no-such-tariff"]) {
      expect(await tariffDetailLoader.run({ slug, locale: "ru" }, anonymous)).toEqual({ ok: false, code: "not_found" });
    }
  });

  it("speak the asked language and fall back to Russian where a text is missing", async () => {
    await tariff("fallback", [[-1, 5_000]]);
    const kk = (await list("kk")).find((t) => t.slug === "fallback")!;
    expect(kk).toMatchObject({ name: "Тариф fallback", description: "Описание Тариф fallback" });
    expect((await list("en")).find((t) => t.slug === "fallback")!.name).toBe("Тариф fallback (en)");
    // An unknown language is the default one, not an error.
    expect((await list("de")).find((t) => t.slug === "fallback")!.name).toBe("Тариф fallback");
    // Only known service keys, in the comparison's order.
    expect(kk.includedServices).toEqual(["accounting", "legal_help"]);
  });

  it("list the seeded sample tariffs in order, marked as sample data, the same for a logged-in person", async () => {
    const seeded = (await list("ru")).filter((t) => t.sample);
    expect(seeded.map((t) => [t.slug, t.name, t.priceMonthly])).toEqual([
      ["start", "Старт", 25_000],
      ["business", "Бизнес", 65_000],
      ["premium", "Премиум", 150_000],
    ]);
    const session = (await contextFor(await login("+77015550001", "203.0.113.9"))).session;
    const asPerson = await tariffListLoader.run({ locale: "ru" }, { session, meta: meta() });
    expect(asPerson).toEqual({ ok: true, data: await list("ru") });
  });

  it("refuse a malformed slug as invalid input", async () => {
    expect(await tariffDetailLoader.run({ slug: "../admin", locale: "ru" }, anonymous)).toEqual({
      ok: false,
      code: "invalid_input",
    });
  });

  it("seed idempotently: a second run changes nothing", async () => {
    const before = await env.prisma.tariffPrice.count();
    await seedCatalogue(env.prisma);
    expect(await env.prisma.tariffPrice.count()).toBe(before);
    expect(await env.prisma.additionalService.count()).toBe(6);
  });
});

describe("public additional services", () => {
  it("list one-off and recurring services with their price and demo mark", async () => {
    await env.prisma.additionalService.create({
      data: { slug: "hidden", ...texts("Скрытая"), price: 1, kind: "ONE_OFF", active: false },
    });
    const result = await serviceListLoader.run({ locale: "en" }, anonymous);
    expect(result.ok).toBe(true);
    const services = result.ok ? result.data : [];
    expect(services.map((s) => s.slug)).not.toContain("hidden");
    expect(services.find((s) => s.slug === "payroll")).toMatchObject({
      name: "Monthly payroll",
      kind: "RECURRING",
      price: 20_000,
      availableInDemo: false,
    });
    expect(services.find((s) => s.slug === "company-registration")).toMatchObject({
      kind: "ONE_OFF",
      availableInDemo: true,
    });
  });
});

describe("the public read path", () => {
  it("hands public reads a client that refuses anything but the catalogue", async () => {
    const probe = defineLoader({
      name: "test.publicProbe",
      access: "public",
      input: z.object({}),
      // A public read reaching for people must fail, whatever its type says.
      load: async ({ db }) => (db as unknown as { person: { count(): Promise<number> } }).person.count(),
    });
    await expect(probe.run({}, anonymous)).rejects.toThrow(/public read may not use person/);
  });

  it("formats tenge the Kazakh way", () => {
    expect(formatTenge(25_000)).toBe("25\u00a0000\u00a0₸");
    expect(formatTenge(150_000)).toBe("150\u00a0000\u00a0₸");
  });
});
