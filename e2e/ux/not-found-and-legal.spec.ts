import { expect, test } from "@playwright/test";
import { registerThroughScreens } from "../fixtures/auth";

const shot = (name: string, project: string) => ({ path: `e2e/screenshots/${project}-${name}.png`, fullPage: true });

const NOT_FOUND = {
  ru: { title: "Страница не найдена", back: "На главную", app: "Кабинет партнёра" },
  kk: { title: "Бет табылмады", back: "Басты бетке", app: "Серіктес кабинеті" },
  en: { title: "Page not found", back: "Go to home page", app: "Partner Cabinet" },
} as const;

for (const [locale, text] of Object.entries(NOT_FOUND)) {
  test(`a missing page answers 404 in ${locale}, inside the public header, with a way back @phone`, async ({
    page,
    baseURL,
  }, info) => {
    await page.context().addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    const response = await page.goto("/no-such-page/at-all");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: text.app })).toBeVisible();
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
    await page.screenshot(shot(`404-${locale}`, info.project.name));
    await page.getByRole("main").getByRole("link", { name: text.back }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test("a missing cabinet page stays inside the cabinet's header and navigation @phone", async ({ page }, info) => {
  await registerThroughScreens(page, { name: "Гульнар Ахметова", email: "g@example.kz", partnerName: "ТОО «Поиск»" });
  const response = await page.goto("/cabinet/no-such-section");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Разделы кабинета" })).toBeVisible();
  await page.screenshot(shot("404-cabinet", info.project.name));
  await page.getByRole("main").getByRole("link", { name: "В кабинет" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
});

test("legal texts live at kebab-case addresses; the landing's footer links them, with contacts and languages @phone", async ({
  page,
}, info) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Пользовательское соглашение" })).toHaveAttribute(
    "href",
    "/legal/user-agreement",
  );
  await expect(footer.getByRole("link", { name: /^\+7/ })).toHaveAttribute("href", /^tel:\+7\d{10}$/);
  await expect(footer.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  await expect(footer.getByRole("group", { name: "Язык" })).toBeVisible();
  await page.screenshot(shot("landing-footer", info.project.name));

  await footer.getByRole("link", { name: "Политика конфиденциальности" }).click();
  await expect(page).toHaveURL(/\/legal\/privacy-policy$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await page.request.get("/legal/user-agreement")).status()).toBe(200);
  // Old links (the enum name) lead to the same text at its one address.
  await page.goto("/legal/USER_AGREEMENT");
  await expect(page).toHaveURL(/\/legal\/user-agreement$/);
  expect((await page.request.get("/legal/no-such-text")).status()).toBe(404);
});
