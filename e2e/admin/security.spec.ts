import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { advanceServerClock, loginThroughScreens, registerThroughScreens } from "../fixtures/auth";
import { databaseUrl } from "../fixtures/database";

/**
 * Suspicious activity (AUD-5): a finding of mass downloads by a Partner's user is on the operator's
 * security page; the operator blocks the person pending review, whose open session ends at the next
 * request and whose login is refused without a code; unblocking lets them in again.
 */

const OPERATOR = "+77015550099";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

/** A finding as the detection job writes it (its rules are tested against the audit trail in lib/admin). */
async function seedFinding(phone: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO suspicious_activity (id, rule, "subjectType", "subjectKey", "personId", "firstSeenAt", "lastSeenAt", count, status, "openKey", "createdAt")
       SELECT gen_random_uuid(), 'mass_downloads', 'person', p.id::text, p.id, now() - interval '8 minutes', now(), 42, 'OPEN',
              'mass_downloads:' || p.id, now()
       FROM person p WHERE p.phone = $1`,
      [phone],
    );
  } finally {
    await client.end();
  }
}

async function outboxSize(request: APIRequestContext, phone: string): Promise<number> {
  const response = await request.get(`/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}`);
  return ((await response.json()) as unknown[]).length;
}

test("the operator blocks a person from a finding pending review, the session ends, and unblocking lets them in @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const suffix = String(Date.now()).slice(-5);
  const name = `Жанна Скачивающая ${suffix}`;
  const phone = await registerThroughScreens(page, {
    name,
    email: `zhanna${suffix}@example.kz`,
    partnerName: `ТОО «Архив ${suffix}»`,
  });
  await seedFinding(phone);

  const operator = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  await operator.goto("/admin/security");
  await expect(operator.getByRole("heading", { name: "Безопасность", level: 1 })).toBeVisible();
  const findings = operator.getByRole("region", { name: "Открытые сигналы" });
  const finding = findings.getByTestId("finding").filter({ hasText: name });
  await expect(finding.getByText("Массовые просмотры и скачивания документов")).toBeVisible();
  await expect(finding.getByText(/42 просмотра или скачивания за 10 минут/)).toBeVisible();
  await shot(operator, project, "admin-security-finding");

  const block = finding.getByRole("form", { name: "Заблокировать до проверки" });
  await block.getByLabel("Причина (видят только операторы)").fill("42 документа за 8 минут, выясняем");
  await block.getByRole("button", { name: "Заблокировать до проверки" }).click();
  await expect(finding.getByText("Заблокирован", { exact: true })).toBeVisible();
  const blocked = operator.getByRole("region", { name: "Заблокированы до проверки" });
  const entry = blocked.getByTestId("blocked-person").filter({ hasText: name });
  await expect(entry.getByText("Причина: 42 документа за 8 минут, выясняем")).toBeVisible();
  await expect(entry.getByText(/Заблокирован .*, оператор: /)).toBeVisible();
  await shot(operator, project, "admin-security-blocked");

  // The person's next request finds the session ended; the code step says why and sends nothing.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await advanceServerClock(page.request, 61_000);
  const sent = await outboxSize(page.request, phone);
  await page.getByLabel("Номер телефона").fill(phone);
  await page.getByRole("button", { name: "Получить код" }).click();
  await expect(page.getByText("Вход с этого номера приостановлен до проверки службой безопасности.")).toBeVisible();
  expect(await outboxSize(page.request, phone)).toBe(sent);
  await shot(page, project, "login-blocked");

  // Unblocked and reviewed: the person is off both lists and logs in again.
  await entry.getByRole("button", { name: "Разблокировать" }).click();
  await expect(blocked.getByTestId("blocked-person").filter({ hasText: name })).toHaveCount(0);
  await finding.getByRole("button", { name: "Отметить проверенным" }).click();
  await expect(findings.getByTestId("finding").filter({ hasText: name })).toHaveCount(0);
  await operator.close();

  await loginThroughScreens(page, phone);
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByText(`ТОО «Архив ${suffix}»`).first()).toBeVisible();
});
