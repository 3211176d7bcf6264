// `npm run audit:checkpoint`: signs the head of every audit chain as a new checkpoint.
// `npm run audit:checkpoint -- --export file.json`: writes the latest checkpoint, its signature and
// the public key as JSON, to keep outside the database.
import { writeFile } from "node:fs/promises";
import { createAuditCheckpoint, exportLatestCheckpoint } from "@/lib/audit/checkpoint";
import { auditVerifyKey } from "@/lib/audit/signing-key";
import { createPrismaClient } from "@/lib/db/client";
import { ensureEmbeddedSecrets, resolveScriptDatabase } from "@/lib/db/runtime";

async function main(): Promise<number> {
  const exportAt = process.argv.indexOf("--export");
  const file = exportAt >= 0 ? process.argv[exportAt + 1] : undefined;
  if (exportAt >= 0 && !file) throw new Error("Usage: npm run audit:checkpoint -- --export <file.json>");
  if (!process.env.DATABASE_URL) await ensureEmbeddedSecrets(process.env);
  const db = await resolveScriptDatabase();
  const prisma = createPrismaClient(db.url);
  try {
    if (file) {
      const doc = await exportLatestCheckpoint(prisma, auditVerifyKey());
      if (!doc) {
        console.error("No checkpoint yet: run npm run audit:checkpoint first.");
        return 1;
      }
      await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
      console.log(`Wrote the latest audit checkpoint to ${file}.`);
      return 0;
    }
    const created = await createAuditCheckpoint(prisma);
    console.log(
      `Audit checkpoint ${created.id} signed: ${created.chains} chain(s) at ${created.createdAt.toISOString()}, digest ${created.digest}.`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
