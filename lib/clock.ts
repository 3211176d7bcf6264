/**
 * The application's clock. Time-dependent rules (code expiry, locks, throttles, session
 * timeouts) read it instead of `new Date()`, so tests move time instead of sleeping.
 */
let current: () => Date = () => new Date();

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
