import { expect, test, type APIRequestContext } from "@playwright/test";
import { registerThroughScreens } from "../fixtures/auth";

const INVALID = "Проверьте поля формы.";

async function postAction(request: APIRequestContext, baseURL: string, actionId: string, body: string) {
  const response = await request.post("/cabinet/profile", {
    headers: {
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseURL,
    },
    data: body,
  });
  return { status: response.status(), text: await response.text() };
}

test("a server action given anything but its form data answers invalid input, never a 500", async ({
  page,
  baseURL,
}) => {
  await registerThroughScreens(page, { name: "Ввод Проверка", email: "input@example.kz", partnerName: "ТОО «Ввод»" });
  await page.goto("/cabinet/profile");
  // The id of the personal-data action, as the page's own form posts it.
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: "Сохранить" }).first().click();
  const actionId = (await posted).headers()["next-action"]!;

  // Argument lists with something else in place of the form data reach the action's schema.
  for (const body of ["[]", '[{"values":{}},{"name":"Иван","email":"a@b.kz"}]', '[null,"name=Иван"]', "[1,[2]]"]) {
    const answer = await postAction(page.request, baseURL!, actionId, body);
    expect(answer.status, body).toBe(200);
    expect(answer.text, body).toContain(INVALID);
  }
  // Bodies Next.js cannot turn into arguments are refused before the action.
  for (const body of ['"plain"', "plain text", '{"name":"Иван"}', ""]) {
    const answer = await postAction(page.request, baseURL!, actionId, body);
    expect(answer.status, body).toBe(400);
    expect(answer.text, body).toBe(INVALID);
  }
  // The person's data is unchanged.
  await page.reload();
  await expect(page.getByLabel("Фамилия и имя")).toHaveValue("Ввод Проверка");
});

test("an out-of-range or malformed audit cursor is ignored, not a server error", async ({ page }) => {
  await registerThroughScreens(page, {
    name: "Курсор Проверка",
    email: "cursor@example.kz",
    partnerName: "ТОО «Курсор»",
  });
  for (const cursor of ["1.9999999999999999999", "99999999999999.1", "x.y", "1.1.1"]) {
    const response = await page.goto(`/cabinet/audit?cursor=${encodeURIComponent(cursor)}`);
    expect(response!.status(), cursor).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("the development outbox answers only for a given phone", async ({ request }) => {
  expect((await request.get("/api/dev/sms-outbox")).status()).toBe(400);
  expect((await request.get("/api/dev/sms-outbox?phone=%2B77015550001")).status()).toBe(200);
});

test("signing out through next-auth's own endpoint also ends the session row", async ({ page, browser, baseURL }) => {
  await registerThroughScreens(page, { name: "Выход Проверка", email: "out@example.kz", partnerName: "ТОО «Выход»" });
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toBeTruthy();

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken, json: "true" },
    headers: { origin: baseURL! },
  });
  expect(signedOut.ok()).toBe(true);

  // Someone who kept a copy of the old cookie is not let in.
  const replay = await browser.newContext();
  await replay.addCookies([session!]);
  const stolen = await replay.newPage();
  await stolen.goto("/cabinet");
  await expect(stolen).toHaveURL(/\/login$/);
  await replay.close();
});
