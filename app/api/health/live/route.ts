/** Liveness probe: the process answers (no database); also the benchmarks' trivial route. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
