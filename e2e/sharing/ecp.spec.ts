import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "../../lib/documents/extract-text";
import { makePdf } from "../../lib/documents/inspect/samples";
import { signCmsForTest } from "../../lib/testing/test-ca";
import { advanceServerClock, loginThroughScreens } from "../fixtures/auth";

/**
 * ЭЦП through the screens (issue 10, part 5): the primary user sends a contract for signature to
 * itself; with NCALayer not running the step says so with the install link; then, with a stand-in
 * that answers on NCALayer's WebSocket (wss://127.0.0.1:13579) like NCALayer and signs whatever it
 * is asked with the standing test CA, they sign by ЭЦП; the panel and the signature sheet show ЭЦП
 * with the IIN, and the CMS downloads. Desktop: ТОО «Алатау Трейд»; phone: ТОО «Степь Логистик».
 */

const NCALAYER_HOST = "127.0.0.1:13579";

async function shot(page: Page, project: string, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${project}-ecp-${name}.png`, fullPage: true });
}

/**
 * NCALayer's socket. While `state.running` is false the connection goes to the real port, where
 * nothing listens (refused, as when NCALayer is not started); then a stand-in answers like NCALayer:
 * its version, no KAZTOKEN extension, a detached CMS for `sign`. Routed before the page loads: the
 * client library keeps the WebSocket class it found when loaded.
 */
async function standInForNcaLayer(page: Page, iin: string, state: { running: boolean; asked: string[] }) {
  await page.routeWebSocket(
    (url) => url.host === NCALAYER_HOST,
    (ws) => {
      if (!state.running) {
        ws.connectToServer();
        return;
      }
      ws.send(JSON.stringify({ result: { version: "1.4" } }));
      ws.onMessage((message) => {
        const request = JSON.parse(String(message)) as {
          module: string;
          method: string;
          args?: { format?: string; data?: string; signingParams?: { encapsulate?: boolean } };
        };
        if (request.module === "kz.gov.pki.knca.basics" && request.method === "sign") {
          const data = request.args?.data ?? "";
          state.asked.push(data);
          const { cms } = signCmsForTest({ data: Buffer.from(data, "base64"), algorithm: "RSA", iin });
          ws.send(JSON.stringify({ status: true, body: { result: cms } }));
          return;
        }
        ws.send(JSON.stringify({ status: false, code: "500", message: "module not found", details: "" }));
      });
    },
  );
}

test("the primary user signs a contract by ЭЦП through NCALayer @phone", async ({ page }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const partnerPhone = project === "phone" ? "+77015550005" : "+77015550001";
  // IINs are one per person: each project's Partner user has its own.
  const iin = project === "phone" ? "880202400452" : "900101300126";
  const tag = `${project} ${Date.now() % 100_000}`;
  const title = `Договор аренды ${tag}`;
  const bytes = makePdf([`Lease contract ${tag}`]);

  const ncalayer = { running: false, asked: [] as string[] };
  await standInForNcaLayer(page, iin, ncalayer);
  await advanceServerClock(page.request, 61_000);
  await loginThroughScreens(page, partnerPhone);
  await expect(page).toHaveURL(/\/cabinet$/);
  await page.goto("/cabinet/documents");
  await page.getByLabel("Категория", { exact: true }).first().selectOption("contracts");
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: `${title}.pdf`, mimeType: "application/pdf", buffer: bytes });
  await expect(page.getByText("Загружено 1 из 1")).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet\/documents\/[0-9a-f-]{36}$/);

  await page.getByText("Отправить на подпись").click();
  const form = page.getByRole("form", { name: "Отправить на подпись" });
  await form.getByLabel(/основной пользователь/).check();
  await form.getByRole("button", { name: "Отправить" }).click();
  const panel = page.getByRole("region", { name: "Подписание" });
  await expect(panel).toBeVisible();
  const ecp = panel.getByRole("form", { name: "Подпись ЭЦП" });
  await expect(ecp.getByRole("button", { name: "Подписать ЭЦП" })).toBeVisible();

  // NCALayer is not running (nothing listens on its port): the install link.
  await ecp.getByLabel("Ваш ИИН").fill(iin);
  await ecp.getByRole("button", { name: "Подписать ЭЦП" }).click();
  await expect(ecp.getByText("NCALayer не запущен.", { exact: false })).toBeVisible({ timeout: 20_000 });
  const install = ecp.getByRole("link", { name: "Скачать NCALayer на pki.gov.kz" });
  await expect(install).toHaveAttribute("href", /^https:\/\/pki\.gov\.kz\/ncalayer/);
  await ecp.scrollIntoViewIfNeeded();
  await shot(page, project, "not-running");

  // NCALayer answers: the step is signed by ЭЦП over exactly the uploaded bytes.
  ncalayer.running = true;
  await ecp.getByRole("button", { name: "Подписать ЭЦП" }).click();
  await expect(panel.getByText("Завершено")).toBeVisible({ timeout: 20_000 });
  expect(ncalayer.asked.map((d) => Buffer.from(d, "base64").equals(bytes))).toEqual([true]);
  await expect(panel.getByText(/Подписал.*ЭЦП/)).toBeVisible();
  await expect(panel.getByText(`ИИН ${iin}`)).toBeVisible();
  await shot(page, project, "signed");

  // The CMS downloads; the sheet lists ЭЦП with the IIN.
  const cmsLink = panel.getByRole("link", { name: "Скачать подпись ЭЦП (CMS)" });
  const cms = await page.request.get((await cmsLink.getAttribute("href"))!);
  expect(cms.status()).toBe(200);
  expect(cms.headers()["content-type"]).toBe("application/pkcs7-signature");
  expect((await cms.body())[0]).toBe(0x30);
  const sheetLink = page.getByRole("link", { name: "Скачать лист подписей (версия 1)" });
  const sheet = await page.request.get((await sheetLink.getAttribute("href"))!);
  expect(sheet.status()).toBe(200);
  const dir = await mkdtemp(path.join(tmpdir(), "ecp-sheet-e2e-"));
  let text = "";
  try {
    const file = path.join(dir, "sheet.pdf");
    await writeFile(file, await sheet.body());
    text = (await extractText(file, "application/pdf")) ?? "";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(text).toContain("ЭЦП");
  expect(text).toContain(iin);
});
