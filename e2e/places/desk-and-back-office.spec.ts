import { expect, test, type Page } from "@playwright/test";
import { loginThroughScreens, newPhone } from "../fixtures/auth";

/**
 * Every actor gets a home: the accountant lands on the desk with the client assigned to them; the
 * company's manager assigns them to another client and it appears on their desk; the operator lands
 * in the back office, finds a Partner by BIN and adds a staff member; a person with a cabinet and a
 * desk switches between them.
 */

const ACCOUNTANT = "+77015550011"; // ТОО «Просто Аутсорсинг ГК»
const MANAGER = "+77015550021"; // ТОО «Просто Аутсорсинг ГК»
const OPERATOR = "+77015550099";
const MANAGER_WITH_CABINET = "+77015550012"; // manager of «Просто Аутсорсинг А», primary user of ИП Оспанов М.

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });
}

test("staff work the desk, the manager assigns, the operator runs the back office @phone", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const phoneProject = info.project.name === "phone";

  // The accountant lands on the desk and sees only the client assigned to them.
  await loginThroughScreens(page, phoneProject ? "+77015550022" : ACCOUNTANT);
  await expect(page).toHaveURL(/\/desk$/);
  if (phoneProject) {
    // Company «А»'s accountant serves the sole proprietorship.
    await expect(page.getByRole("link", { name: "ИП Жумабаев Е." })).toBeVisible();
    await shot(page, info.project.name, "desk");
    return;
  }
  await expect(page.getByRole("link", { name: "ТОО «Алатау Трейд»" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ТОО «Степь Логистик»" })).toHaveCount(0);
  await shot(page, info.project.name, "desk");

  // The manager of the same company sees every client it serves and assigns the accountant.
  const manager = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(manager, MANAGER);
  await expect(manager).toHaveURL(/\/desk$/);
  await manager.getByRole("link", { name: "ТОО «Степь Логистик»" }).click();
  await expect(manager.getByRole("heading", { name: "ТОО «Степь Логистик»" })).toBeVisible();
  await manager.getByLabel("Сотрудник").selectOption({ label: "Асель Нурпеисова — Бухгалтер аутсорсинга" });
  await manager.getByLabel("Направление").selectOption("ACCOUNTING");
  await manager.getByRole("button", { name: "Назначить" }).click();
  await expect(manager.getByText("Сотрудник назначен.")).toBeVisible();
  await expect(manager.getByText("Асель Нурпеисова", { exact: true })).toBeVisible();
  await shot(manager, info.project.name, "desk-partner");
  await manager.close();

  // The new client appears on the accountant's desk.
  await page.reload();
  await expect(page.getByRole("link", { name: "ТОО «Степь Логистик»" })).toBeVisible();

  // The operator lands in the back office, finds the demo Partner by BIN, adds a staff member.
  const operator = await browser.newPage({ viewport: page.viewportSize() ?? undefined, locale: "ru-RU" });
  await loginThroughScreens(operator, OPERATOR);
  await expect(operator).toHaveURL(/\/admin$/);
  await shot(operator, info.project.name, "admin");
  await operator.getByRole("link", { name: "Партнёры", exact: true }).click();
  await operator.getByLabel("Название или БИН/ИИН").fill("180440012349");
  await operator.getByRole("button", { name: "Найти" }).click();
  const list = operator.getByRole("list", { name: "Партнёры платформы" });
  await expect(list.getByRole("link", { name: "ТОО «Алатау Трейд»" })).toBeVisible();
  for (const item of await list.getByRole("listitem").all()) await expect(item).toContainText("180440012349");
  await operator.getByRole("link", { name: "Аутсорсинговые компании" }).click();
  const form = operator.getByRole("form", { name: "Добавить сотрудника в ТОО «Просто Аутсорсинг Б»" });
  const phone = newPhone();
  await form.getByLabel("Телефон").fill(phone);
  await form.getByLabel("Фамилия и имя").fill("Сабина Новикова");
  await form.getByLabel("Роль").selectOption("LAWYER");
  await form.getByRole("button", { name: "Добавить сотрудника" }).click();
  await expect(form.getByText("Сотрудник добавлен")).toBeVisible();
  await expect(operator.getByText("Сабина Новикова")).toBeVisible();
  await shot(operator, info.project.name, "admin-companies");
  await operator.close();
});

test("a person with a cabinet and a desk switches between them", async ({ page }, info) => {
  await loginThroughScreens(page, MANAGER_WITH_CABINET);
  await expect(page).toHaveURL(/\/cabinet$/);
  const switcher = page.getByLabel("Выбрать рабочее место");
  await switcher.selectOption({ label: "Рабочее место: ТОО «Просто Аутсорсинг А» — Менеджер аутсорсинга" });
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("link", { name: "ИП Жумабаев Е." })).toBeVisible();
  await shot(page, info.project.name, "switch-desk");
  await page.getByLabel("Выбрать рабочее место").selectOption({ label: "ИП Оспанов М. — Основной пользователь" });
  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByRole("main").getByText(/ИП Оспанов М\./)).toBeVisible();
});
