import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, login, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";
import { switchLocale } from "./locale-switch";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

/** The switcher's form as a browser sends it from a page of this site. */
function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/locale", {
    method: "POST",
    headers: {
      host: "localhost:3000",
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
      origin: "http://localhost:3000",
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}

const visitor = () => contextFor(null);

describe("POST /api/locale", () => {
  it("keeps a visitor's choice in a cookie and goes back to the page the form named", async () => {
    const response = await switchLocale(post({ locale: "kk", returnTo: "/tariffs?from=landing" }), visitor);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/tariffs?from=landing");
    expect(response.headers.get("set-cookie")).toMatch(/^locale=kk; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax/);
  });

  it("goes back to the page the form was on (its Referer) when the form names none", async () => {
    const fromPage = await switchLocale(
      post({ locale: "en" }, { referer: "http://localhost:3000/login?next=1" }),
      visitor,
    );
    expect(fromPage.headers.get("location")).toBe("/login?next=1");
    const fromElsewhere = await switchLocale(
      post({ locale: "en" }, { referer: "https://evil.example/login" }),
      visitor,
    );
    expect(fromElsewhere.headers.get("location")).toBe("/");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/.//evil.example", "javascript:alert(1)"])(
    "never redirects to another site: returnTo %j lands on this site's landing",
    async (returnTo) => {
      const response = await switchLocale(
        post({ locale: "en", returnTo }, { referer: "https://evil.example/" }),
        visitor,
      );
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
    },
  );

  it("refuses a post from another site before reading anything, and sets nothing", async () => {
    let asked = false;
    const context = async () => {
      asked = true;
      return visitor();
    };
    const hostile: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "", origin: "https://evil.example" },
    ];
    for (const headers of hostile) {
      const response = await switchLocale(post({ locale: "en", returnTo: "/" }, headers), context);
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(asked).toBe(false);
  });

  it("refuses a language the app does not have", async () => {
    for (const locale of ["de", "", "ru; Path=/admin"]) {
      const response = await switchLocale(post({ locale }), visitor);
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("keeps a logged-in person's choice on their record, through the audited action", async () => {
    const phone = uniquePhone();
    const person = await env.prisma.person.create({
      data: { phone, name: "Язык Выбор", adultConfirmedAt: new Date() },
    });
    const token = await login(phone);
    const response = await switchLocale(post({ locale: "en", returnTo: "/cabinet/profile" }), () => contextFor(token));
    expect(response.headers.get("location")).toBe("/cabinet/profile");
    expect(response.headers.get("set-cookie")).toMatch(/^locale=en;/);
    expect((await env.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe("en");
    const audit = await env.prisma.auditEvent.findFirst({
      where: { action: "person.locale_changed", actorPersonId: person.id },
      orderBy: { id: "desc" },
    });
    expect(audit?.outcome).toBe("SUCCESS");
    expect(audit?.details).toMatchObject({ before: "ru", after: "en" });
  });
});
