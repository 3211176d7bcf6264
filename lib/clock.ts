/**
 * The application's clock. Time-dependent rules (code expiry, locks, throttles, session
 * timeouts) read it instead of `new Date()`, so tests move time instead of sleeping.
 */
let current: () => Date = () => new Date(Date.now() + testClockOffset());

export function now(): Date {
  return current();
}

/** Replaces the clock; returns a function that restores the previous one. For tests only. */
export function setClockForTests(fn: () => Date): () => void {
  const previous = current;
  current = fn;
  return () => {
    current = previous;
  };
}

// On globalThis: Next.js may load this module once per bundle, and every copy must see one offset.
const globalForClock = globalThis as unknown as { partnerCabinetClockOffsetMs?: number };

function testClockOffset(): number {
  return globalForClock.partnerCabinetClockOffsetMs ?? 0;
}

/**
 * Whether a running server may move its clock (end-to-end tests, POST /api/dev/clock): only
 * with TEST_CLOCK=1 on the embedded database with codes kept in the outbox, a combination no
 * deployment that sends SMS can have.
 */
export function testClockAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return (
    env.TEST_CLOCK === "1" && env.DB_EMBEDDED === "1" && env.SMS_PROVIDER === "outbox" && env.SMS_OUTBOX_HTTP === "1"
  );
}

/** Moves the server's clock forward; throws unless `testClockAllowed`. Returns the new offset. */
export function advanceTestClock(ms: number, env: Record<string, string | undefined> = process.env): number {
  if (!testClockAllowed(env)) throw new Error("The clock can only be moved on a test server");
  if (!Number.isFinite(ms) || ms < 0 || ms > 24 * 60 * 60_000) throw new Error("Move the clock forward by up to a day");
  globalForClock.partnerCabinetClockOffsetMs = testClockOffset() + ms;
  return globalForClock.partnerCabinetClockOffsetMs;
}
