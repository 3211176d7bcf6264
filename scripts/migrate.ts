// `npm run db:migrate`: applies pending prisma/migrations as MIGRATION_DATABASE_URL (the tables'
// owner; default DATABASE_URL) and re-applies the grants of DATABASE_URL's role (lib/db/roles.ts).
import { applyMigrations } from "@/lib/db/migrate";
import { separateAppRole } from "@/lib/db/roles";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? url;
  const appRole = separateAppRole(url, ownerUrl);
  const { applied } = await applyMigrations(ownerUrl, { log: (line) => console.log(line), appRole });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "No pending migrations.");
  if (appRole) console.log(`Grants of role ${appRole} are up to date.`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
