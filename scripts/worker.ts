// `npm run worker`: job workers in a process of their own (run the app with WORKERS=0, or beside
// it: any number of workers share the queue). Uses DATABASE_URL; stops gracefully on SIGTERM.
import { closeDb } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { startWorkers, stopWorkers } from "@/lib/jobs/worker";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the worker needs the app's database");
  parseEnv();
  await startWorkers();
  console.log("[worker] running; Ctrl+C stops");
  const stop = async () => {
    await stopWorkers();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
