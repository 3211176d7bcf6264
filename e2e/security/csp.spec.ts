import { expect, test, type Page, type Response } from "@playwright/test";
import { newPhone, registerThroughScreens } from "../fixtures/auth";

/** CSP violations and script errors the browser reports while the test runs. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text()))
      seen.push(message.text());
  });
  page.on("pageerror", (error) => seen.push(error.message));
  return seen;
}

function nonceOf(csp: string | undefined): string {
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp ?? "")?.[1];
  expect(nonce, csp).toBeTruthy();
  return nonce!;
}

/**
 * Every script the server sent carries this response's nonce. Chunks the page's own scripts load
 * later are trusted through 'strict-dynamic' (any refusal would show among the violations).
 */
async function expectScriptsStamped(response: Response, nonce: string): Promise<void> {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
}

test("pages carry a nonce-based CSP, hydrate under it, and report no violation", async ({ page }) => {
  const violations = watchViolations(page);

  const landing = await page.goto("/");
  const headers = landing!.headers();
  const csp = headers["content-security-policy"];
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);
  expect(csp).not.toContain("unsafe-eval");
  // The headers set in next.config.ts stay.
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const nonce = nonceOf(csp);
  // The landing has no script at all (pages/index.tsx); the policy still stands over it.
  expect((await landing!.text()).match(/<script\b/g) ?? []).toEqual([]);
  const again = await page.request.get("/");
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);

  // The login form works only once React has hydrated: the code field appears without a reload.
  const login = await page.goto("/login");
  await expectScriptsStamped(login!, nonceOf(login!.headers()["content-security-policy"]));
  await page.getByLabel("Номер телефона").fill(newPhone());
  await page.getByRole("button", { name: "Получить код" }).click();
  await expect(page.getByLabel("Код из SMS")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  await registerThroughScreens(page, {
    name: "Политика Проверка",
    email: "csp@example.kz",
    partnerName: "ТОО «Политика»",
  });
  const cabinet = await page.goto("/cabinet");
  await expectScriptsStamped(cabinet!, nonceOf(cabinet!.headers()["content-security-policy"]));
  // The language switcher is a plain form to POST /api/locale, which sends the browser back here.
  await page.getByRole("button", { name: "KK" }).click();
  await expect(page.getByRole("button", { name: "Шығу" })).toBeVisible();
  await page.getByRole("button", { name: "RU" }).click();
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();

  expect(violations).toEqual([]);
});
