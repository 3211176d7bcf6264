// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL.
import { applyMigrations } from "@/lib/db/migrate";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const { applied } = await applyMigrations(url, { log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "No pending migrations.");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
