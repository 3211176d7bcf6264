import { expect, test, type Page } from "@playwright/test";
import { clientIp } from "../fixtures/auth";

/**
 * BIZ-3 for a visitor: compare the tariffs, start a demo cabinet in one click (no phone number),
 * find the banner with its deletion date, the sample documents (the outsourcer's fresh report among
 * them) and requests answered by the accountant.
 */

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-demo-${name}.png`, fullPage: true });
}

test("a visitor compares tariffs and starts a demo cabinet in one click @phone", async ({ page }, info) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp() });
  await page.goto("/tariffs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "Попробовать демо" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  // The banner says when the cabinet goes (its long form on a desktop, a short one on a phone).
  await expect(page.getByRole("status").filter({ hasText: /Демо/ })).toContainText(/будет удал[её]н|Демо до/);
  await shot(page, info.project.name, "home");

  await page.goto("/cabinet/documents");
  await expect(page.getByRole("link", { name: "Договор на бухгалтерское обслуживание № 15/2026" })).toBeVisible();
  const report = page.getByRole("listitem").filter({ hasText: "Форма 910.00 за 1 полугодие 2026 года" });
  await expect(report.getByText("Новый")).toBeVisible();
  await shot(page, info.project.name, "documents");

  await page.goto("/cabinet/requests?status=all");
  await expect(page.getByText("Расчёт зарплаты за ноябрь").first()).toBeVisible();
  await expect(page.getByText("Срок сдачи формы 910").first()).toBeVisible();
  await shot(page, info.project.name, "requests");
});
