import { expect, test } from "@playwright/test";
import { randomKzTaxId } from "../../lib/validation/kz-tax-id";
import { latestCode } from "../fixtures/auth";
import { rawRequest, setCookies } from "../fixtures/raw-http";

/**
 * A client talking to the app directly (from 127.0.0.2, not a trusted proxy of the test server)
 * sends its own X-Forwarded-For and X-Request-Id. The per-IP limit must still count it as one
 * address, and what is stored must be its real address and the server's own request ids.
 */

const FROM = "127.0.0.2";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVIL = '=HYPERLINK("http://evil")';

test("rotating X-Forwarded-For does not escape the per-IP code limit, nor reach the stored IP", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = Math.floor(Math.random() * 9_000_000) + 500_000;
  const phones = Array.from({ length: 40 }, (_, i) => `+7708${String(base + i * 7).padStart(7, "0")}`);
  const statuses: number[] = [];
  const requestIds: unknown[] = [];
  for (const [i, phone] of phones.entries()) {
    const response = await rawRequest(`${baseURL}/api/v1/auth/otp/request`, {
      method: "POST",
      from: FROM,
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": i === 0 ? EVIL : `198.18.${i}.${i + 1}`,
        "x-request-id": `client-chosen-${i}`,
      },
      body: JSON.stringify({ phone }),
    });
    statuses.push(response.status);
    requestIds.push(response.headers["x-request-id"]);
  }
  // The limit is 30 codes per address an hour: the other 10 are refused.
  expect(statuses).toEqual([...Array(30).fill(202), ...Array(10).fill(429)]);
  for (const id of requestIds) expect(id).toMatch(UUID);

  // An API login and a refused registration: the answer's request id is the server's.
  const apiPhone = phones[1]!;
  const verified = await rawRequest(`${baseURL}/api/v1/auth/otp/verify`, {
    method: "POST",
    from: FROM,
    headers: { "content-type": "application/json", "x-forwarded-for": EVIL },
    body: JSON.stringify({ phone: apiPhone, code: await latestCode(page.request, apiPhone) }),
  });
  expect(verified.status).toBe(200);
  const { token } = JSON.parse(verified.body) as { token: string };
  const refused = await rawRequest(`${baseURL}/api/v1/auth/register`, {
    method: "POST",
    from: FROM,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "client-chosen" },
    body: JSON.stringify({ name: "" }),
  });
  expect(refused.status).toBe(400);
  const { requestId } = JSON.parse(refused.body) as { requestId: string };
  expect(requestId).toMatch(UUID);
  expect(requestId).toBe(refused.headers["x-request-id"]);

  // A web login through next-auth from the same client; its session row keeps the socket's address.
  const webPhone = phones[0]!;
  const csrf = await rawRequest(`${baseURL}/api/auth/csrf`, { from: FROM });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const csrfCookie = Object.entries(setCookies(csrf))
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  const signedIn = await rawRequest(`${baseURL}/api/auth/callback/phone-otp`, {
    method: "POST",
    from: FROM,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookie,
      "x-forwarded-for": EVIL,
      "x-real-ip": "6.6.6.6",
    },
    body: new URLSearchParams({
      csrfToken,
      phone: webPhone,
      code: await latestCode(page.request, webPhone),
      json: "true",
    }).toString(),
  });
  expect(signedIn.status).toBe(200);
  const session = setCookies(signedIn)["next-auth.session-token"];
  expect(session).toBeTruthy();

  // The person registers in the browser with that cookie and looks at their sessions.
  await page.context().addCookies([{ name: "next-auth.session-token", value: session!, url: baseURL! }]);
  await page.goto("/register");
  await page.getByLabel("Фамилия и имя").fill("Адрес Проверка");
  await page.getByLabel("Электронная почта").fill("address@example.kz");
  await page.getByLabel("Наименование").fill("ТОО «Адрес»");
  await page.getByLabel("БИН", { exact: true }).fill(randomKzTaxId());
  await page.getByLabel("Я принимаю эти документы").check();
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/profile");
  await expect(page.getByText(`IP: ${FROM}`)).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toContain("HYPERLINK");
  expect(text).not.toContain("6.6.6.6");
  expect(text).not.toContain("198.18.");
});
