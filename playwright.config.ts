import { defineConfig, devices } from "@playwright/test";

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

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: { baseURL, trace: "off", locale: "ru-RU", timezoneId: "Asia/Almaty", launchOptions: chromium },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions: chromium },
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium },
      grep: /@phone/,
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
    env: {
      PORT: String(PORT),
      // A known address of the embedded database, for the test that takes it away (e2e/fixtures/database.ts).
      EMBEDDED_DB_PORT: String(PORT + 20000),
      SMS_PROVIDER: "outbox",
      SMS_OUTBOX_HTTP: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
