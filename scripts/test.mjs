// `npm test`: lint, type-check, unit and integration tests (Vitest), end-to-end tests (Playwright
// in Chromium). Each runner prints its own results; the last line sums them up.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

mkdirSync(".test-output", { recursive: true });
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PLAYWRIGHT_JSON_OUTPUT_NAME: ".test-output/playwright.json",
};

function step(title, command, args) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  console.error("Chromium is missing: install Debian's package first (apt-get install -y chromium), see README.md.");
  process.exit(1);
}

step("Lint", "npx", ["eslint", "--max-warnings", "0", "."]);
step("Formatting", "npx", ["prettier", "--check", "."]);
step("Type-check", "npx", ["tsc", "--noEmit", "-p", "."]);
step("Unit and integration tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=.test-output/vitest.json",
]);
step("End-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"]);

const vitest = JSON.parse(readFileSync(".test-output/vitest.json", "utf8"));
const playwright = JSON.parse(readFileSync(".test-output/playwright.json", "utf8"));
const passed = vitest.numPassedTests + (playwright.stats?.expected ?? 0);
const failed = vitest.numFailedTests + (playwright.stats?.unexpected ?? 0);
const skipped = (vitest.numPendingTests ?? 0) + (playwright.stats?.skipped ?? 0);
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
