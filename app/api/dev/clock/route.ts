import { json } from "@/lib/api/http";
import { advanceTestClock, testClockAllowed } from "@/lib/clock";

/**
 * POST {"advanceMs": 61000} moves this server's clock forward, so end-to-end tests need not wait
 * out throttles. Test servers only (`testClockAllowed`, lib/clock.ts); anywhere else it answers 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!testClockAllowed()) return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => null)) as { advanceMs?: unknown } | null;
  const ms = Number(body?.advanceMs);
  try {
    return json({ offsetMs: advanceTestClock(ms) });
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : "invalid" }, 400);
  }
}
