import { expect, test } from "@playwright/test";
import { advanceServerClock, codeSentBy, loginThroughScreens, newPhone } from "../fixtures/auth";
import { PRIMARY_STATE, primaryUser } from "../fixtures/sessions";

/**
 * The primary user invites a RESTRICTED user (company profile: view); that user joins, sees only
 * what the rights allow, and a forged profile edit is refused and audited; the primary user
 * upgrades them to FULL, then revokes them, and their open session ends at its next click.
 * The audit page, its CSV and the person report show exactly what happened.
 */
test.use({ storageState: PRIMARY_STATE });

test("delegation from invitation to revocation, as the audit log records it", async ({
  page,
  browser,
  baseURL,
}, info) => {
  test.setTimeout(180_000);
  const shot = (name: string) =>
    page.screenshot({ path: `e2e/screenshots/${info.project.name}-${name}.png`, fullPage: true });
  // The primary user of "ТОО «Делегирование»", logged in once by e2e/auth.setup.ts.
  const primaryPhone = primaryUser().phone;

  // Invite with a confirmation code sent to the primary user's own phone.
  const inviteePhone = newPhone();
  await page.goto("/cabinet/users");
  await page.getByLabel("Мобильный телефон").fill(inviteePhone);
  await page.getByLabel("ФИО").fill("Дана Сапарова");
  await page.getByText("Ограниченный доступ", { exact: true }).click();
  await page.locator("#invite-profile-view").check();
  const inviteCode = await codeSentBy(page.request, primaryPhone, () =>
    page.getByRole("button", { name: "Отправить код подтверждения" }).first().click(),
  );
  await page.locator("#invite-code").fill(inviteCode);
  await shot("users-invite");
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page.getByText("Приглашение отправлено")).toBeVisible();
  // The invitation SMS is a job: the server's own worker delivers it to the outbox shortly after.
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/dev/sms-outbox?phone=${encodeURIComponent(inviteePhone)}`);
        const [sms] = (await response.json()) as { text: string }[];
        return sms?.text ?? "";
      },
      { timeout: 15_000 },
    )
    .toContain("Асан Директоров приглашает вас в кабинет ТОО «Делегирование»");

  // The invitee, a new number, joins from the registration screen.
  const invitee = await browser.newPage({
    baseURL,
    locale: "ru-RU",
    timezoneId: "Asia/Almaty",
    viewport: page.viewportSize() ?? undefined,
    // Not the primary user's stored session, which the test runner would apply otherwise.
    storageState: { cookies: [], origins: [] },
  });
  await loginThroughScreens(invitee, inviteePhone);
  await expect(invitee.getByRole("heading", { name: "Вас пригласили" })).toBeVisible();
  await expect(invitee.getByText(/Асан Директоров приглашает вас в кабинет ТОО «Делегирование»/)).toBeVisible();
  await invitee.getByLabel("Электронная почта").first().fill("dana@example.kz");
  await invitee.getByLabel("Я принимаю эти документы").first().check();
  await invitee.getByLabel("Мне исполнилось 18 лет").first().check();
  await invitee.getByRole("button", { name: "Присоединиться" }).click();
  await expect(invitee).toHaveURL(/\/cabinet$/);

  // Only the company profile, read-only; users and audit answer "not found" even by URL.
  const nav = invitee.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Компания" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Пользователи" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Журнал действий" })).toHaveCount(0);
  await invitee.goto("/cabinet/company");
  await expect(invitee.getByText("ТОО «Делегирование»").first()).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Сохранить" })).toHaveCount(0);
  for (const path of ["/cabinet/users", "/cabinet/audit"]) {
    expect((await invitee.request.get(path)).status()).toBe(404);
  }

  // A forged edit: the editor's form (served from the primary user's page) submitted with the invitee's session.
  const editorHtml = await (await page.request.get("/cabinet/company")).text();
  const forger = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await invitee.context().storageState(),
  });
  const forgerPage = await forger.newPage();
  await forgerPage.route("**/cabinet/company", (route) =>
    route.request().method() === "GET"
      ? route.fulfill({ body: editorHtml, contentType: "text/html" })
      : route.continue(),
  );
  await forgerPage.goto("/cabinet/company");
  await forgerPage.getByLabel("Наименование").fill("ТОО «Взломано»");
  await forgerPage.getByRole("button", { name: "Сохранить" }).click();
  await forgerPage.waitForLoadState();
  await forger.close();
  await page.goto("/cabinet/company");
  await expect(page.getByLabel("Наименование")).toHaveValue("ТОО «Делегирование»");

  // Upgrade to FULL.
  await page.goto("/cabinet/users");
  const member = page
    .locator("li, article, div")
    .filter({ has: page.getByText("Дана Сапарова", { exact: true }) })
    .filter({ has: page.getByText("Изменить права") })
    .last();
  await member.getByText("Изменить права").click();
  await member.getByText("Полный доступ", { exact: true }).click();
  // A new confirmation code may be sent a minute after the previous one: move the server's clock.
  await advanceServerClock(page.request, 61_000);
  const upgradeCode = await codeSentBy(page.request, primaryPhone, () =>
    member.getByRole("button", { name: "Отправить код подтверждения" }).click(),
  );
  await member.getByLabel("Код из SMS").fill(upgradeCode);
  await member.getByRole("button", { name: "Сохранить права" }).click();
  await expect(page.getByText("Права изменены.")).toBeVisible();
  await invitee.goto("/cabinet");
  await expect(invitee.getByRole("navigation").first().getByRole("link", { name: "Журнал действий" })).toBeVisible();

  // Revoke: the invitee's open session ends at its next click.
  await page.reload();
  const revocable = page
    .locator("li, article, div")
    .filter({ has: page.getByText("Дана Сапарова", { exact: true }) })
    .filter({ has: page.getByRole("button", { name: "Отозвать доступ" }) })
    .last();
  await revocable.getByRole("button", { name: "Отозвать доступ" }).click();
  await page.getByRole("button", { name: "Да, отозвать" }).click();
  await expect(page.getByText(/Доступ отозван/).first()).toBeVisible();
  await invitee.getByRole("navigation").first().getByRole("link", { name: "Компания" }).click();
  await expect(invitee).toHaveURL(/\/login$/);

  // The audit log shows all of it; its CSV and the person report hold exactly the filtered rows.
  await page.goto("/cabinet/audit");
  await shot("audit");
  const personId = await page
    .locator("select[name=person] option", { hasText: "Дана Сапарова" })
    .first()
    .getAttribute("value");
  expect(personId).toBeTruthy();
  await page.goto(`/cabinet/audit?person=${personId}`);
  const rows = page.locator("table tbody tr");
  await expect(rows.filter({ hasText: "Отказано" }).filter({ hasText: "Изменены реквизиты компании" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Приглашение принято" })).toHaveCount(1);
  const shown = await rows.count();
  const csv = await (await page.request.get(`/api/cabinet/audit/export?person=${personId}`)).text();
  expect(csv.trim().split("\n").length - 1).toBe(shown);
  await page.goto(`/cabinet/audit?action=member.revoked`);
  await expect(page.locator("table tbody tr").filter({ hasText: "Доступ пользователя отозван" })).toHaveCount(1);
  await page.goto(`/cabinet/audit/report?person=${personId}`);
  await expect(page.getByText("Дана Сапарова").first()).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(shown);
  await expect(page.locator("table tbody tr").filter({ hasText: "Отказано" })).toHaveCount(1);
  await shot("audit-report");
  await invitee.close();
});
