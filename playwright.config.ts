import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { writeTestCaDir } from "./lib/testing/test-ca";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium: test tools cannot download browsers on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// The server under test trusts the standing test CAs: the NCALayer stand-in (e2e/sharing/ecp.spec.ts) signs with them.
const ecpCaDir = mkdtempSync(path.join(tmpdir(), "partner-cabinet-e2e-ca-"));
writeTestCaDir(ecpCaDir);

const MAINTENANCE_SPEC = /admin\/maintenance\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: { baseURL, trace: "off", locale: "ru-RU", timezoneId: "Asia/Almaty", launchOptions: chromium },
  projects: [
    // Logs in once per role and stores the browser state for tests that do not test login itself.
    { name: "setup", testMatch: /\.setup\.ts$/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions: chromium },
      dependencies: ["setup"],
      testIgnore: MAINTENANCE_SPEC,
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium },
      grep: /@phone/,
      testIgnore: MAINTENANCE_SPEC,
    },
    // A running maintenance window closes the app to every other test: its spec runs alone, last.
    {
      name: "maintenance",
      testMatch: MAINTENANCE_SPEC,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions: chromium },
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: {
    // A fresh embedded database with demo data; codes go to the outbox readable over HTTP.
    command: "node e2e/start-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // The tests' own requests come from this machine, standing in for a reverse proxy that sets
    // X-Forwarded-For (fixtures give each login its own address); e2e/security/client-address.spec.ts
    // connects from 127.0.0.2, an address that is not trusted.
    // TEST_CLOCK lets tests move the server's clock instead of waiting (lib/clock.ts, test servers only).
    env: {
      PORT: String(PORT),
      SMS_PROVIDER: "outbox",
      SMS_OUTBOX_HTTP: "1",
      SMS_OUTBOX_HTTP_IN_PRODUCTION: "1",
      TRUSTED_PROXIES: "127.0.0.1/32, ::1/128",
      TEST_CLOCK: "1",
      // A known address of the embedded database, for the test that takes it away (e2e/fixtures/database.ts).
      EMBEDDED_DB_PORT: String(PORT + 20000),
      NEXT_TELEMETRY_DISABLED: "1",
      // ЭЦП: the test CAs only; no OCSP (the test CA has no responder).
      ECP_TRUSTED_CA_DIR: ecpCaDir,
      ECP_REVOCATION: "off",
    },
  },
});
