// `npm run db:migration:new -- <name>`: writes the SQL that brings the migrations up to
// prisma/schema.prisma as a new migration folder, as `prisma migrate dev --create-only` would.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { defaultMigrationsDir } from "@/lib/db/migrate";
import { MIGRATION_LOCK_TOML, diffMigrationsToSchema, isEmptyDiff } from "@/lib/db/schema-diff";

function timestamp(now: Date): string {
  // Prisma names folders by UTC time, so names sort the same on every machine.
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migration:new -- <name>  (lowercase letters, digits and _)");
  }
  const migrationsDir = defaultMigrationsDir();
  await mkdir(migrationsDir, { recursive: true });

  const sql = await diffMigrationsToSchema({ migrationsDir });
  if (isEmptyDiff(sql)) {
    throw new Error("prisma/schema.prisma and prisma/migrations agree: there is nothing to migrate.");
  }

  const folder = `${timestamp(new Date())}_${name}`;
  const existing = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const last = existing.at(-1);
  // A folder that sorts before an existing one would be applied out of order.
  if (last && folder <= last) {
    throw new Error(`New migration ${folder} would not sort after ${last}; check the system clock.`);
  }

  const dir = path.join(migrationsDir, folder);
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), MIGRATION_LOCK_TOML);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, "migration.sql"))}`);
}

main().then(
  // PGlite keeps Node alive after closing; the script is done.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
