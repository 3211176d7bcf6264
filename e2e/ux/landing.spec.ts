import { expect, test } from "@playwright/test";

/**
 * The landing is plain HTML: no script at all, yet everything on it works (the language, the
 * demo form, the links), so it also works for a visitor whose browser runs no JavaScript.
 */
test("the landing loads no script, and its language switcher works without JavaScript @phone", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "ru-RU" });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expect(await page.locator("script").count()).toBe(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("main")).toHaveAttribute("id", "main");
  await expect(page.getByRole("link", { name: "Перейти к содержимому" })).toHaveAttribute("href", "#main");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Бухгалтерия");
  await expect(page.getByRole("button", { name: "Попробовать демо" })).toBeVisible();

  // The header's switcher: a plain form; the route answers 303 back to the landing.
  await page.getByRole("banner").getByRole("button", { name: "KK" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("бір кабинетте");
  await expect(page.getByRole("banner").getByRole("button", { name: "KK" })).toHaveAttribute("aria-pressed", "true");

  // The footer's switcher too; the choice follows the visitor to the App Router's pages.
  await page.getByRole("contentinfo").getByRole("button", { name: "EN" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("banner").getByRole("link", { name: "Plans" }).click();
  await expect(page).toHaveURL(/\/tariffs$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // And back from there: the tariffs page's switcher returns to the tariffs page.
  await page.getByRole("banner").getByRole("button", { name: "RU" }).click();
  await expect(page).toHaveURL(/\/tariffs$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");

  expect(scripts.filter((url) => new URL(url).pathname === "/")).toEqual([]);
  await context.close();
});

test("the landing keeps the security headers and a language from the browser or the cookie", async ({
  request,
  baseURL,
}) => {
  const english = await request.get("/", { headers: { "accept-language": "en-US,en;q=0.9" } });
  expect(english.headers()["x-frame-options"]).toBe("DENY");
  expect(english.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const html = await english.text();
  expect(html).toContain('<html lang="en">');
  expect(html).not.toMatch(/<script\b/);

  const kazakh = await request.get("/", { headers: { cookie: "locale=kk", "accept-language": "en" } });
  expect(await kazakh.text()).toContain('<html lang="kk">');

  // A hostile return address leads back to this site only.
  const hostile = await request.post("/api/locale", {
    form: { locale: "ru", returnTo: "//evil.example/" },
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  expect(hostile.status()).toBe(303);
  expect(hostile.headers()["location"]).toBe("/");
});
