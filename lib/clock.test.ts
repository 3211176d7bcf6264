import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/dev/clock/route";
import { advanceTestClock, now, testClockAllowed } from "@/lib/clock";

const TEST_SERVER = { TEST_CLOCK: "1", DB_EMBEDDED: "1", SMS_PROVIDER: "outbox", SMS_OUTBOX_HTTP: "1" };
const saved = { ...process.env };

afterEach(() => {
  for (const key of Object.keys(TEST_SERVER)) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const post = (advanceMs: unknown) =>
  POST(new Request("http://localhost/api/dev/clock", { method: "POST", body: JSON.stringify({ advanceMs }) }));

describe("the test clock", () => {
  it("cannot be moved on anything but an embedded test server with the SMS outbox", () => {
    expect(testClockAllowed(TEST_SERVER)).toBe(true);
    for (const key of Object.keys(TEST_SERVER)) {
      const deployment = { ...TEST_SERVER, [key]: key === "SMS_PROVIDER" ? "mobizon" : "0" };
      expect(testClockAllowed(deployment), key).toBe(false);
      expect(() => advanceTestClock(60_000, deployment)).toThrow(/only be moved on a test server/);
    }
    expect(testClockAllowed({})).toBe(false);
  });

  it("answers 404 over HTTP unless the server is a test server, and leaves the time alone", async () => {
    const before = now().getTime();
    process.env.TEST_CLOCK = "1"; // alone it is not enough: a real database and SMS provider refuse
    process.env.SMS_PROVIDER = "mobizon";
    const response = await post(3_600_000);
    expect(response.status).toBe(404);
    expect(Math.abs(now().getTime() - before)).toBeLessThan(60_000);
  });

  it("moves the application's clock forward on a test server", async () => {
    Object.assign(process.env, TEST_SERVER);
    const before = now().getTime();
    const response = await post(61_000);
    expect(response.status).toBe(200);
    expect(now().getTime() - before).toBeGreaterThanOrEqual(61_000);
    expect((await post(-5)).status).toBe(400);
  });
});
