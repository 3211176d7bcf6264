import { writeFile } from "node:fs/promises";
import { test as setup } from "@playwright/test";
import { registerThroughScreens } from "./fixtures/auth";
import { PRIMARY_STATE, PRIMARY_USER } from "./fixtures/sessions";

/**
 * Logs in once per role for the tests that do not test login itself: a Partner's primary user,
 * registered through the screens; the browser state is reused by those tests (storageState).
 */
setup("a Partner's primary user logs in once", async ({ page }) => {
  const person = { name: "Асан Директоров", email: "asan@example.kz", partnerName: "ТОО «Делегирование»" };
  const phone = await registerThroughScreens(page, person);
  await page.context().storageState({ path: PRIMARY_STATE });
  await writeFile(PRIMARY_USER, JSON.stringify({ ...person, phone }));
});
