import { readiness } from "./ready";

/** Readiness, kept at its old address (Playwright's web server and older probes wait on it). */
export function GET(): Promise<Response> {
  return readiness();
}

export const dynamic = "force-dynamic";
