/**
 * Runs once per server process at start. Job workers run inside the app by default, so one
 * `npm start` does everything; WORKERS=0 leaves them to `npm run worker` processes.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKERS === "0") return;
  if (!process.env.DATABASE_URL) return;
  const { startWorkers } = await import("./lib/jobs/worker");
  await startWorkers().catch((error: unknown) => {
    // The site still serves pages; jobs wait in the queue until a worker runs.
    console.error(`[jobs] workers did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}
