import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatPhone } from "../../lib/validation/phone";
import { loginThroughScreens } from "../fixtures/auth";
import { registerPartnerViaApi, type PartnerFixture } from "../fixtures/partners";
import { PRIMARY_STATE } from "../fixtures/sessions";

/**
 * A user of Partner A tries every route of the app with Partner B's ids. Each answer must be
 * "not found" or A's own view, with nothing of B in it; B's owner still gets in afterwards.
 * The routes are read from app/, so a new route without a probe here fails this suite.
 */

/** Partner B, with a document of its own uploaded through the API. */
type PartnerB = PartnerFixture & {
  documentId: string;
  documentTitle: string;
  requestId?: string;
  requestSubject?: string;
};
type Probe = (b: PartnerB) => string[];

/**
 * B's ids go only where a route reads them (the audit filters); a route that reads no parameter
 * is probed as it is: it must show A's own view.
 */
const PROBES: Record<string, Probe | "public" | "auth-machinery" | "test-server-only" | "write-only" | "live-stream"> =
  {
    "/": "public",
    "/login": "public",
    "/register": "public",
    "/tariffs": "public",
    "/tariffs/[slug]": "public",
    "/services": "public",
    "/api/v1/tariffs": "public",
    "/demo": "public",
    // POST only: starts a new demo cabinet of the visitor's own (lib/demo tests).
    "/api/demo": "write-only",
    // The language switcher's form: the caller's own cookie and choice, no id of anyone (lib/i18n tests).
    "/api/locale": "write-only",
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
    "/api/dev/sms-outbox": "test-server-only",
    "/api/dev/clock": "test-server-only",
    "/api/v1/me": () => ["/api/v1/me"],
    "/cabinet": () => ["/cabinet"],
    "/cabinet/profile": () => ["/cabinet/profile"],
    "/cabinet/[module]": () =>
      ["requests", "documents", "counterparties", "tariff", "unknown"].map((m) => `/cabinet/${m}`),
    "/cabinet/company": () => ["/cabinet/company"],
    // A's registered cabinet is no demo: "not found"; a demo reads only the session's own cabinet.
    "/cabinet/convert": (b) => ["/cabinet/convert", `/cabinet/convert?partnerId=${b.partnerId}`],
    "/cabinet/users": () => ["/cabinet/users"],
    "/cabinet/invitations": () => ["/cabinet/invitations"],
    "/cabinet/audit": (b) => [`/cabinet/audit?person=${b.personId}`],
    "/cabinet/audit/report": (b) => [`/cabinet/audit/report?person=${b.personId}&from=2020-01-01&to=2030-01-01`],
    "/api/cabinet/audit/chain": () => ["/api/cabinet/audit/chain"],
    "/api/cabinet/audit/export": (b) => [
      `/api/cabinet/audit/export?person=${b.personId}&from=2020-01-01&to=2030-01-01`,
    ],
    // Places of other actors: a member is sent home to the cabinet, without a byte of them.
    "/desk": () => ["/desk"],
    "/desk/partners/[partnerId]": (b) => [`/desk/partners/${b.partnerId}`],
    "/admin": () => ["/admin"],
    "/admin/partners": (b) => [`/admin/partners?q=${b.partnerId}`],
    "/admin/partners/[partnerId]": (b) => [`/admin/partners/${b.partnerId}`],
    "/admin/companies": () => ["/admin/companies"],
    "/admin/security": () => ["/admin/security"],
    "/admin/maintenance": () => ["/admin/maintenance"],
    "/admin/audit": (b) => [`/admin/audit?partner=${b.partnerId}&actor=${b.personId}`],
    "/api/admin/audit/export": (b) => [`/api/admin/audit/export?actor=${b.personId}`],
    "/admin/calendar": () => ["/admin/calendar?year=2026"],
    "/shared": () => ["/shared"],
    "/cabinet/documents": (b) => [
      `/cabinet/documents?partnerId=${b.partnerId}`,
      // A word of B's title: the search must not find B's document (the whole title is a secret checked below).
      `/cabinet/documents?q=${encodeURIComponent("Секретный")}`,
    ],
    "/cabinet/documents/[documentId]": (b) => [`/cabinet/documents/${b.documentId}`],
    "/desk/documents": (b) => [`/desk/documents?partnerId=${b.partnerId}`],
    "/desk/documents/[documentId]": (b) => [`/desk/documents/${b.documentId}`],
    "/api/documents/[documentId]/file": (b) => [
      `/api/documents/${b.documentId}/file`,
      `/api/documents/${b.documentId}/file?inline=1`,
    ],
    // The API answers bearer tokens only: with A's cookie these are 401; lib/documents tests probe them with A's token.
    "/api/v1/documents": (b) => [`/api/v1/documents?partnerId=${b.partnerId}`],
    "/api/v1/documents/[documentId]": (b) => [`/api/v1/documents/${b.documentId}`],
    "/api/v1/documents/[documentId]/download": (b) => [`/api/v1/documents/${b.documentId}/download`],
    // Uploads and sending change things: their cross-tenant refusals are in lib/documents/*.int.test.ts.
    "/api/documents/upload": "write-only",
    "/api/v1/documents/[documentId]/versions": "write-only",
    "/api/v1/documents/[documentId]/send": "write-only",
    // Notifications are the person's own whatever the place: A's view, nothing of B.
    "/notifications": (b) => [`/notifications?cursor=${b.partnerId}`],
    "/notifications/settings": () => ["/notifications/settings"],
    "/api/v1/notifications": () => ["/api/v1/notifications"],
    "/api/v1/notifications/read": "write-only",
    // Without login on purpose: the signed token decides (forged and expired tokens in lib/notifications tests).
    "/unsubscribe": "public",
    // An endless event stream of the caller's own unread count; its scope is tested in lib/notifications.
    "/api/notifications/stream": "live-stream",
    "/cabinet/counterparties": () => ["/cabinet/counterparties"],
    "/shared/documents/[documentId]": (b) => [`/shared/documents/${b.documentId}`],
    "/api/shared/documents/[documentId]/file": (b) => [
      `/api/shared/documents/${b.documentId}/file`,
      `/api/shared/documents/${b.documentId}/file?inline=1`,
    ],
    "/api/v1/documents/[documentId]/shares": (b) => [`/api/v1/documents/${b.documentId}/shares`],
    "/api/v1/shared-documents": () => ["/api/v1/shared-documents"],
    "/api/v1/shared-documents/[documentId]": (b) => [`/api/v1/shared-documents/${b.documentId}`],
    "/api/v1/shared-documents/[documentId]/download": (b) => [`/api/v1/shared-documents/${b.documentId}/download`],
    // Revoking, comments and decisions change things: their refusals are in lib/sharing/sharing.int.test.ts
    // and the action matrix.
    "/api/v1/shares/[shareId]": "write-only",
    "/api/v1/shared-documents/[documentId]/comments": "write-only",
    "/api/v1/shared-documents/[documentId]/approve": "write-only",
    "/api/v1/shared-documents/[documentId]/reject": "write-only",
    "/cabinet/tariff": () => ["/cabinet/tariff"],
    // B has no invoice (a demo without a serving company): its ids stand in for foreign invoice ids.
    "/api/cabinet/invoices/[invoiceId]/pdf": (b) => [
      `/api/cabinet/invoices/${b.partnerId}/pdf`,
      `/api/cabinet/invoices/${b.documentId}/pdf`,
    ],
    "/admin/tariffs": () => ["/admin/tariffs"],
    "/admin/invoices": () => ["/admin/invoices?status=ISSUED"],
    "/cabinet/requests": () => ["/cabinet/requests?status=all"],
    "/cabinet/requests/new": () => ["/cabinet/requests/new"],
    "/cabinet/requests/[requestId]": (b) => [`/cabinet/requests/${b.requestId}`],
    "/desk/requests": (b) => [`/desk/requests?partnerId=${b.partnerId}`],
    "/desk/requests/[requestId]": (b) => [`/desk/requests/${b.requestId}`],
    "/api/requests/[requestId]/transcript": (b) => [
      `/api/requests/${b.requestId}/transcript`,
      `/api/requests/${b.requestId}/transcript?format=pdf`,
    ],
    // Bearer only, like the documents API: lib/requests/requests.int.test.ts probes them with other tokens.
    "/api/v1/requests": () => ["/api/v1/requests?status=all"],
    "/api/v1/requests/[requestId]": (b) => [`/api/v1/requests/${b.requestId}`],
    "/api/v1/requests/[requestId]/messages": "write-only",
    // Routes for signature (DOC-5): B has no signed version, so its document id stands in for a version id too.
    "/api/documents/[documentId]/signatures/[versionId]/sheet": (b) => [
      `/api/documents/${b.documentId}/signatures/${b.documentId}/sheet`,
    ],
    "/api/v1/documents/[documentId]/routes": (b) => [`/api/v1/documents/${b.documentId}/routes`],
    // ЭЦП: B's document id stands in for a version and a signature id; B's ids for a step id.
    "/api/documents/[documentId]/signatures/[versionId]/cms/[signatureId]": (b) => [
      `/api/documents/${b.documentId}/signatures/${b.documentId}/cms/${b.documentId}`,
    ],
    "/api/signatures/steps/[stepId]/content": (b) => [
      `/api/signatures/steps/${b.documentId}/content`,
      `/api/signatures/steps/${b.partnerId}/content`,
    ],
    // Signing changes things: refusals of other people's steps are in lib/signatures tests and the action matrix.
    "/api/v1/signatures/[routeStepId]/code": "write-only",
    "/api/v1/signatures/[routeStepId]/sign": "write-only",
    // The public check: no login, answers only about a hash it is given (lib/signatures tests).
    "/verify": "public",
    "/verify/[shortId]": "public",
    "/api/verify": "public",
  };

/** Answers a probe may give: nothing (404), the caller's own view (200), or a redirect to the caller's own home. */
function expectRefusedOrOwn(status: number, location: string | undefined, home: string, url: string) {
  if (status === 307 || status === 303) {
    expect(location, `${url} redirected elsewhere than ${home}`).toBe(home);
    return;
  }
  expect([200, 401, 404], `${url} answered ${status}`).toContain(status);
}

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

/** URL patterns of the Pages Router's pages (the script-free landing); `_app`, `_document` and error pages are none. */
function pagesRoutes(dir = "pages", prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const name = entry.replace(/\.tsx?$/, "");
    if (statSync(full).isDirectory()) routes.push(...pagesRoutes(full, `${prefix}/${entry}`));
    else if (!name.startsWith("_") && !["404", "500"].includes(name))
      routes.push(name === "index" ? prefix || "/" : `${prefix}/${name}`);
  }
  return routes;
}

test.describe("cross-tenant access", () => {
  test.use({ storageState: PRIMARY_STATE });

  test("every route of the app has a probe here", () => {
    const routes = [...appRoutes(), ...pagesRoutes()];
    expect(routes).toContain("/");
    const missing = routes.filter((route) => !(route in PROBES));
    expect(missing, "routes without a cross-tenant probe").toEqual([]);
  });

  test("a user of Partner A sees nothing of Partner B on any route, and B's owner still gets in", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const setup = await playwright.request.newContext({ baseURL });
    const registered = await registerPartnerViaApi(setup, "B");
    const documentTitle = `Секретный договор ${registered.phone.slice(-4)}`;
    const uploaded = await setup.post("/api/v1/documents", {
      headers: { authorization: `Bearer ${registered.token}` },
      multipart: {
        category: "contracts",
        title: documentTitle,
        file: { name: "dogovor.txt", mimeType: "text/plain", buffer: Buffer.from("Договор между сторонами\n") },
      },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const b: PartnerB = {
      ...registered,
      documentTitle,
      documentId: ((await uploaded.json()) as { documents: { id: string }[] }).documents[0]!.id,
    };
    const requestSubject = `Секретное обращение ${registered.phone.slice(-4)}`;
    const created = await setup.post("/api/v1/requests", {
      headers: { authorization: `Bearer ${registered.token}` },
      data: { category: "legal", subject: requestSubject, text: "Текст секретного обращения" },
    });
    expect(created.status(), await created.text()).toBe(201);
    b.requestId = ((await created.json()) as { id: string }).id;
    b.requestSubject = requestSubject;
    await setup.dispose();

    // Partner A's primary user: the session stored by e2e/auth.setup.ts.

    const urls = appRoutes().flatMap((route) => {
      const probe = PROBES[route];
      return typeof probe === "function" ? probe(b) : [];
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expectRefusedOrOwn(response.status(), response.headers()["location"], "/cabinet", url);
      const body = await response.text();
      // Ids are not checked in bodies: the router payload echoes the requested URL, B's ids included.
      for (const secret of [b.partnerName, b.name, b.phone, formatPhone(b.phone), b.documentTitle, requestSubject]) {
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

test.describe("cross-tenant access of outsourcer staff", () => {
  const partnerIdByBin = async (page: import("@playwright/test").Page, bin: string, name: string) => {
    await page.goto(`/admin/partners?q=${bin}`);
    const href = await page
      .getByRole("list", { name: "Партнёры платформы" })
      .getByRole("link", { name, exact: true })
      .getAttribute("href");
    return href!.split("/").pop()!;
  };

  test("staff reach only Partners their company serves and they are assigned to (managers: all their company serves)", async ({
    browser,
  }) => {
    const operator = await browser.newPage();
    await loginThroughScreens(operator, "+77015550098"); // support: reads the back office
    await expect(operator).toHaveURL(/\/admin$/);
    const alatau = await partnerIdByBin(operator, "180440012349", "ТОО «Алатау Трейд»"); // served by ГК, the accountant is assigned
    const step = await partnerIdByBin(operator, "190540012345", "ТОО «Степь Логистик»"); // served by ГК, nobody assigned
    const zhumabaev = await partnerIdByBin(operator, "850315300455", "ИП Жумабаев Е."); // served by company А
    const ospanov = await partnerIdByBin(operator, "780315300122", "ИП Оспанов М."); // served by company Ю
    await operator.close();

    // The ГК lawyer is assigned to Алатау Трейд only.
    const lawyer = await browser.newPage();
    await loginThroughScreens(lawyer, "+77015550031");
    await expect(lawyer).toHaveURL(/\/desk$/);
    const get = (url: string) => lawyer.request.get(url, { maxRedirects: 0 });
    expect((await get(`/desk/partners/${alatau}`)).status()).toBe(200);
    for (const [id, name] of [
      [step, "Степь Логистик"],
      [zhumabaev, "Жумабаев"],
    ] as const) {
      const response = await get(`/desk/partners/${id}`);
      expect(response.status(), `lawyer reached ${name}`).toBe(404);
      expect(await response.text()).not.toContain(name);
    }
    for (const url of ["/admin", "/admin/companies", `/admin/partners/${alatau}`, "/cabinet/company", "/shared"]) {
      const response = await get(url);
      expectRefusedOrOwn(response.status(), response.headers()["location"], "/desk", url);
      expect(await response.text()).not.toContain("Просто Аутсорсинг Б");
    }
    const desk = await (await get("/desk")).text();
    expect(desk).toContain("Алатау Трейд");
    expect(desk).not.toContain("Степь Логистик");
    expect(desk).not.toContain("Жумабаев");
    await lawyer.close();

    // Company Ю's manager reaches every Partner Ю serves, assigned or not, and nothing of another company's.
    const manager = await browser.newPage();
    await loginThroughScreens(manager, "+77015550024");
    await expect(manager).toHaveURL(/\/desk$/);
    expect((await manager.request.get(`/desk/partners/${ospanov}`, { maxRedirects: 0 })).status()).toBe(200);
    for (const id of [alatau, step, zhumabaev]) {
      expect((await manager.request.get(`/desk/partners/${id}`, { maxRedirects: 0 })).status()).toBe(404);
    }
    await manager.close();
  });
});
