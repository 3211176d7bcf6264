import { expect, test, type Page } from "@playwright/test";
import { DEMO, advanceServerClock, loginThroughScreens } from "../fixtures/auth";

/**
 * A document the accountant sends to the Partner shows up in the Partner's bell without a reload
 * (the live stream: LISTEN/NOTIFY on a server, a 20-second poll on the embedded test database);
 * the Partner opens the notification centre and marks it read.
 */

const ACCOUNTANT = "+77015550011"; // ТОО «Просто Аутсорсинг ГК», assigned to ТОО «Алатау Трейд»
const PARTNER = "ТОО «Алатау Трейд»";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) > 0 ? Number(await badge.innerText()) : 0;
}

test("a document sent by the accountant appears in the Partner's bell live, and is marked read @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(150_000);
  // The setup project logged the demo users in moments ago: step over the resend pause.
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, DEMO.primary);
  await expect(page).toHaveURL(/\/cabinet$/);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toBeVisible();
  const before = await bellCount(page);

  // The accountant finds the Partner on the desk and sends it a document (the desk's upload route).
  const staff = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(staff, ACCOUNTANT);
  await expect(staff).toHaveURL(/\/desk$/);
  await staff.getByRole("link", { name: PARTNER }).first().click();
  await expect(staff).toHaveURL(/\/desk\/partners\/[0-9a-f-]{36}$/);
  const partnerId = staff.url().split("/").pop()!;
  const title = `Налоговая отчётность ${info.project.name} ${Date.now() % 100_000}`;
  const uploaded = await staff.request.post(`/api/documents/upload?partnerId=${partnerId}`, {
    multipart: {
      category: "tax_reports",
      title,
      file: { name: "otchet.txt", mimeType: "text/plain", buffer: Buffer.from("Форма 910.00\n") },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  await staff.close();

  // Without a reload, the bell counts it.
  await expect(page.getByTestId("notification-count")).toHaveText(String(before + 1), { timeout: 45_000 });
  await shot(page, info.project.name, "bell");

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("пришли документы");
  await expect(item).toContainText("Новое");
  await shot(page, info.project.name, "notifications");

  await item.getByRole("button", { name: "Прочитано" }).click();
  await expect(item).not.toContainText("Новое");
  // The page's own render brings the new count; a stream read racing it is corrected by the next event.
  const settled = { timeout: 30_000 };
  if (before === 0) await expect(page.getByTestId("notification-count")).toHaveCount(0, settled);
  else await expect(page.getByTestId("notification-count")).toHaveText(String(before), settled);

  // The notification's own link opens the document.
  await item.getByRole("button", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(/\/cabinet\/documents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});
