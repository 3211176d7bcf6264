import { getPool } from "./client";

/**
 * Whether PostgreSQL answers `SELECT 1` within `timeoutMs`, counting the wait for a pooled
 * connection: a pool exhausted by stuck requests is as unready as a database that is down.
 */
export async function databaseAnswers(timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = getPool()
    .query("SELECT 1")
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
