// `npm run audit:verify`: recomputes every audit hash chain and checks it against the newest
// signed checkpoint; exits 1 naming the first broken link or a checkpoint that does not verify.
import { verifyAuditChains } from "@/lib/audit/verify";
import { createPrismaClient } from "@/lib/db/client";
import { ensureEmbeddedSecrets, resolveScriptDatabase } from "@/lib/db/runtime";

const REASONS: Record<string, string> = {
  deleted_tail: "deleted tail (shorter than the signed checkpoint)",
  rewritten: "rewritten after checkpoint (another hash than the signed one)",
};

async function main(): Promise<number> {
  // The embedded mode keeps its keys beside its data; a real database's come from the environment.
  if (!process.env.DATABASE_URL) await ensureEmbeddedSecrets(process.env);
  const db = await resolveScriptDatabase();
  const prisma = createPrismaClient(db.url);
  try {
    const result = await verifyAuditChains(prisma);
    const anchor = result.checkpoint
      ? `checked against checkpoint ${result.checkpoint.id} of ${result.checkpoint.createdAt.toISOString()}`
      : "no signed checkpoint yet (run npm run audit:checkpoint)";
    for (const id of result.invalidCheckpoints)
      console.error(`Audit checkpoint ${id} INVALID: its signature does not verify with the public key.`);
    if (result.ok) {
      console.log(`Audit chains intact: ${result.chains} chain(s), ${result.events} event(s), ${anchor}.`);
      return 0;
    }
    const b = result.firstBreak;
    if (b)
      console.error(
        `Audit chain BROKEN: chain ${b.chainKey}, position ${b.seq}${b.eventId ? `, event id ${b.eventId}` : ""}: ${REASONS[b.reason] ?? b.reason}. ${result.events} event(s) verified, ${anchor}.`,
      );
    return 1;
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
