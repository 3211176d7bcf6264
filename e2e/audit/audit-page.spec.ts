import { expect, test } from "@playwright/test";
import { codeSentBy, newPhone, registerThroughScreens } from "../fixtures/auth";
import { registerPartnerViaApi } from "../fixtures/partners";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TIME = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/;

/**
 * The audit page as its reader sees it: objects by name, phones whole, one date format in every
 * language, a reversed period named beside its field, and a report for a person who is not one of
 * the Partner's answered with a message, never an error page or someone else's data.
 */
test("the audit page names objects, writes dates alike in every language and explains bad filters", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const primaryPhone = await registerThroughScreens(page, {
    name: "Ерлан Аудитов",
    email: "erlan@example.kz",
    partnerName: "ТОО «Журнал»",
  });
  await page.goto("/cabinet/users");
  await page.getByLabel("Мобильный телефон").fill(newPhone());
  await page.getByLabel("ФИО").fill("Гульнара Приглашённая");
  const code = await codeSentBy(page.request, primaryPhone, () =>
    page.getByRole("button", { name: "Отправить код подтверждения" }).first().click(),
  );
  await page.locator("#invite-code").fill(code);
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page.getByText("Приглашение отправлено")).toBeVisible();

  await page.goto("/cabinet/audit");
  const table = page.locator("table").first();
  const invited = table.locator("tbody tr").filter({ hasText: "Гульнара Приглашённая" });
  await expect(invited).toHaveCount(1);
  await expect(table.locator("tbody tr").filter({ hasText: "ТОО «Журнал»" }).first()).toBeVisible();
  expect(await table.innerText()).not.toMatch(UUID);
  // The number the confirmation code went to, whole on one line.
  const phone = table.getByText(/^\+7 \d{3} \d{3} \d{2} \d{2}$|^\+7\d{10}$/).first();
  await expect(phone).toBeVisible();
  expect(await phone.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");

  // The same event in both languages (switching the language itself adds a newer one).
  const invitedAt = () => invited.locator("time").innerText();
  const ru = await invitedAt();
  expect(ru).toMatch(TIME);
  await page.getByRole("button", { name: "KK", exact: true }).click();
  await expect(page.getByRole("button", { name: "KK", exact: true, pressed: true })).toBeVisible();
  await expect(page.locator("h1").first()).not.toHaveText("Журнал действий");
  expect(await invitedAt()).toBe(ru);
  await page.getByRole("button", { name: "RU", exact: true }).click();
  await expect(page.getByRole("button", { name: "RU", exact: true, pressed: true })).toBeVisible();

  await page.goto("/cabinet/audit?from=2026-12-05&to=2026-12-01");
  await expect(page.locator("#audit-to-error")).toHaveText(
    "Дата окончания раньше даты начала, поэтому она не применена.",
  );
  await expect(page.locator("#audit-to")).toHaveValue("2026-12-01");

  const other = await registerPartnerViaApi(request, "Other");
  for (const person of ["x", other.personId]) {
    const response = await page.goto(`/cabinet/audit/report?person=${person}`);
    expect(response?.status(), `report for ${person}`).toBeLessThan(500);
    await expect(page.getByText("Такой пользователь не найден в вашем кабинете.")).toBeVisible();
    expect(await page.content()).not.toContain(other.name);
  }
});
