// `npm run db:seed`: applies migrations and (re)seeds demo data; safe to run more than once.
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { resolveScriptDatabase } from "@/lib/db/runtime";
import { seedDemoData } from "@/lib/db/seed";

async function main(): Promise<void> {
  const db = await resolveScriptDatabase();
  try {
    await applyMigrations(db.url);
    const prisma = createPrismaClient(db.url);
    await seedDemoData(prisma);
    await prisma.$disconnect();
    console.log("Demo data seeded.");
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
