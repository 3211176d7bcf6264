import { expect, test, type Page } from "@playwright/test";
import { advanceServerClock, loginThroughScreens, registerThroughScreens } from "../fixtures/auth";

/**
 * An admin announces maintenance: the banner shows on every page; during the window a Partner's
 * user gets the maintenance page (503, Retry-After) and the API answers 503 JSON, while the
 * operator keeps working; ending it opens the app again.
 *
 * A running window closes the app to every other test, so this spec runs alone in its own
 * Playwright project after all the others (playwright.config.ts), and always ends its window.
 */

const OPERATOR = "+77015550099";
const MESSAGE = "Обновляем сервер базы данных";
const MINUTE = 60_000;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/maintenance-${name}.png`, fullPage: true });
}

/** A datetime-local value (Almaty wall time, UTC+5) moved by some minutes. */
function plusMinutes(value: string, minutes: number): string {
  const instant = Date.parse(`${value}:00+05:00`) + minutes * MINUTE;
  return new Date(instant + 5 * 3_600_000).toISOString().slice(0, 16);
}

/** Ends or cancels every open window from the back office. */
async function endAll(operator: Page) {
  await operator.goto("/admin/maintenance");
  const buttons = operator.getByRole("button", { name: /^(Отменить|Завершить сейчас)$/ });
  for (let i = 0; i < 10 && (await buttons.count()) > 0; i++) {
    const before = await buttons.count();
    await buttons.first().click();
    await expect(buttons).toHaveCount(before - 1);
  }
}

test("an admin announces maintenance; members get the maintenance page and the API 503, the operator works on", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const member = page;
  // This spec runs last: an hour on, the admin's earlier codes of the other specs no longer count
  // against the number's five an hour.
  await advanceServerClock(member.request, 61 * MINUTE);
  await registerThroughScreens(member, {
    name: "Айгерим Техработова",
    email: "aigerim@example.kz",
    partnerName: "ТОО «Техработы»",
  });

  const operator = await browser.newPage({ viewport: member.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  try {
    await operator.getByRole("link", { name: "Техработы", exact: true }).click();
    await expect(operator.getByRole("heading", { name: "Технические работы", level: 1 })).toBeVisible();

    // Announced from now (the form's default, the server's time), starting in three minutes.
    const form = operator.getByRole("form", { name: "Запланировать работы" });
    const announceFrom = await form.getByLabel("Показывать баннер с").inputValue();
    await form.getByLabel("Начало работ").fill(plusMinutes(announceFrom, 3));
    await form.getByLabel("Окончание работ").fill(plusMinutes(announceFrom, 33));
    // A window that ends before it starts is refused, in Russian.
    await form.getByLabel("Окончание работ").fill(plusMinutes(announceFrom, 2));
    await form.getByRole("button", { name: "Запланировать" }).click();
    await expect(form.getByText("Окончание должно быть позже начала.")).toBeVisible();
    await form.getByLabel("Окончание работ").fill(plusMinutes(announceFrom, 33));
    await form.getByLabel("Сообщение на русском").fill(MESSAGE);
    await form.getByRole("button", { name: "Запланировать" }).click();
    await expect(operator.getByText("Окно работ запланировано.")).toBeVisible();
    const upcoming = operator.getByRole("region", { name: "Запланированы" });
    await expect(upcoming.getByText(MESSAGE)).toBeVisible();

    // The banner, with the times in Almaty and the message, on the cabinet and the public pages.
    const banner = member.getByRole("complementary", { name: "Плановые технические работы" });
    await expect(async () => {
      await member.goto("/cabinet");
      await expect(banner).toContainText("Плановые технические работы: с");
    }).toPass({ timeout: 10_000 });
    await expect(banner).toContainText(MESSAGE);
    await expect(banner).toContainText("(время Алматы)");
    await shot(member, "banner-desktop");
    await member.goto("/tariffs");
    await expect(banner).toBeVisible();
    // The landing too, though the Pages Router renders it (pages/index.tsx).
    await member.goto("/");
    await expect(banner).toContainText(MESSAGE);

    // The window starts: the member gets the maintenance page, the API a 503 with Retry-After.
    await advanceServerClock(member.request, 4 * MINUTE);
    let response = await member.goto("/cabinet");
    expect(response?.status()).toBe(503);
    const retryAfter = Number(response?.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(20 * 60);
    expect(retryAfter).toBeLessThanOrEqual(30 * 60);
    await expect(member.getByRole("heading", { name: "Идут технические работы" })).toBeVisible();
    await expect(member.getByText(MESSAGE)).toBeVisible();
    await shot(member, "page-desktop");
    await member.setViewportSize({ width: 390, height: 844 });
    await shot(member, "page-phone");
    await member.setViewportSize({ width: 1440, height: 900 });
    const api = await member.request.get("/api/v1/me");
    expect(api.status()).toBe(503);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await api.json()).toMatchObject({ error: "maintenance", message: MESSAGE, until: expect.any(String) });
    // The way in stays open (for a visitor: a logged-in member is sent on from /login to the cabinet).
    const visitor = await browser.newContext();
    expect((await visitor.request.get("/api/health/live")).status()).toBe(200);
    expect((await visitor.request.get("/login")).status()).toBe(200);
    expect((await visitor.request.get("/")).status()).toBe(503);
    await visitor.close();

    // The operator works on and sees that the window is running.
    await operator.goto("/admin/maintenance");
    await expect(operator.getByRole("complementary", { name: "Плановые технические работы" })).toContainText(
      "Идут технические работы до",
    );
    const current = operator.getByRole("region", { name: "Идут сейчас" });
    await expect(current.getByText(MESSAGE)).toBeVisible();
    await shot(operator, "admin-running");
    await current.getByRole("button", { name: "Завершить сейчас" }).click();
    await expect(current.getByText("Нет.")).toBeVisible();

    // Ended: the cabinet is back, without the banner.
    response = await member.goto("/cabinet");
    expect(response?.status()).toBe(200);
    await expect(banner).toHaveCount(0);
    expect((await member.request.get("/api/v1/me")).status()).not.toBe(503);
  } finally {
    await endAll(operator);
    await operator.close();
  }
});
