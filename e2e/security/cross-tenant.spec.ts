import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatPhone } from "../../lib/validation/phone";
import { registerThroughScreens } from "../fixtures/auth";
import { registerPartnerViaApi, type PartnerFixture } from "../fixtures/partners";

/**
 * A user of Partner A tries every route of the app with Partner B's ids. Each answer must be
 * "not found" or A's own view, with nothing of B in it; B's owner still gets in afterwards.
 * The routes are read from app/, so a new route without a probe here fails this suite.
 */

type Probe = (b: PartnerFixture) => string[];

const PROBES: Record<string, Probe | "public" | "auth-machinery"> = {
  "/": "public",
  "/login": "public",
  "/register": "public",
  "/tariffs": "public",
  "/demo": "public",
  "/legal/[kind]": "public",
  "/api/health": "public",
  "/api/health/live": "public",
  "/api/health/ready": "public",
  "/api/v1/openapi.json": "public",
  "/api/auth/[...nextauth]": "auth-machinery",
  "/api/v1/auth/otp/request": "auth-machinery",
  "/api/v1/auth/otp/verify": "auth-machinery",
  "/api/v1/auth/register": "auth-machinery",
  "/api/v1/auth/logout": "auth-machinery",
  "/api/dev/sms-outbox": "auth-machinery",
  "/api/v1/me": () => ["/api/v1/me"],
  "/cabinet": () => ["/cabinet"],
  "/cabinet/profile": (b) => ["/cabinet/profile", `/cabinet/profile?sessionId=${b.personId}`],
  "/cabinet/[module]": (b) =>
    ["requests", "documents", "counterparties", "tariff", "unknown"].map(
      (m) => `/cabinet/${m}?partnerId=${b.partnerId}`,
    ),
  "/cabinet/company": (b) => [`/cabinet/company?partnerId=${b.partnerId}`],
  "/cabinet/users": (b) => [`/cabinet/users?partnerId=${b.partnerId}`],
  "/cabinet/invitations": (b) => [`/cabinet/invitations?partnerId=${b.partnerId}`],
  "/cabinet/audit": (b) => [`/cabinet/audit?person=${b.personId}`, `/cabinet/audit?partnerId=${b.partnerId}`],
  "/cabinet/audit/report": (b) => [`/cabinet/audit/report?person=${b.personId}&from=2020-01-01&to=2030-01-01`],
  "/api/cabinet/audit/chain": (b) => [`/api/cabinet/audit/chain?partnerId=${b.partnerId}`],
  "/api/cabinet/audit/export": (b) => [`/api/cabinet/audit/export?person=${b.personId}&from=2020-01-01&to=2030-01-01`],
};

/** URL patterns of every page and route handler under app/, route groups removed. */
function appRoutes(dir = "app", prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = entry.startsWith("(") && entry.endsWith(")") ? "" : `/${entry}`;
      routes.push(...appRoutes(full, prefix + segment));
    } else if (/^(page|route)\.tsx?$/.test(entry)) {
      routes.push(prefix || "/");
    }
  }
  return routes;
}

test.describe("cross-tenant access", () => {
  test("every route of the app has a probe here", () => {
    const missing = appRoutes().filter((route) => !(route in PROBES));
    expect(missing, "routes without a cross-tenant probe").toEqual([]);
  });

  test("a user of Partner A sees nothing of Partner B on any route, and B's owner still gets in", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const setup = await playwright.request.newContext({ baseURL });
    const b = await registerPartnerViaApi(setup, "B");
    await setup.dispose();

    // Partner A's primary user registers through the screens and keeps the browser session.
    await registerThroughScreens(page, {
      name: "Пользователь А",
      email: "a@example.kz",
      partnerName: "ТОО «Партнёр А»",
    });

    const urls = appRoutes().flatMap((route) => {
      const probe = PROBES[route];
      return typeof probe === "function" ? probe(b) : [];
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect([200, 401, 404], `${url} answered ${response.status()}`).toContain(response.status());
      const body = await response.text();
      // Ids are not checked in bodies: the router payload echoes the requested URL, B's ids included.
      for (const secret of [b.partnerName, b.name, b.phone, formatPhone(b.phone)]) {
        expect(body.includes(secret), `${url} leaked ${secret}`).toBe(false);
      }
    }

    // B's data is intact and B's owner still gets in.
    const asB = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${b.token}` },
    });
    const me = await asB.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      person: { name: b.name },
      cabinets: [{ partnerId: b.partnerId, name: b.partnerName, role: "PRIMARY" }],
    });
    await asB.dispose();
  });
});
