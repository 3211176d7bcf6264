import { readiness } from "../ready";

/** Readiness probe: the database answers within a second. */
export function GET(): Promise<Response> {
  return readiness();
}

export const dynamic = "force-dynamic";
