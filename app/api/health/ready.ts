import { databaseAnswers } from "@/lib/db/health";

/** Readiness: 200 when PostgreSQL answers within a second, else 503 (take this instance out). */
export async function readiness(): Promise<Response> {
  const ready = await databaseAnswers(1_000);
  return Response.json(
    { ok: ready, database: ready ? "up" : "down" },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
