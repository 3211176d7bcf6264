// `npm run audit:verify`: recomputes every audit hash chain; exits 1 naming the first broken link.
import { verifyAuditChains } from "@/lib/audit/verify";
import { createPrismaClient } from "@/lib/db/client";
import { resolveScriptDatabase } from "@/lib/db/runtime";

async function main(): Promise<number> {
  const db = await resolveScriptDatabase();
  const prisma = createPrismaClient(db.url);
  try {
    const result = await verifyAuditChains(prisma);
    if (result.ok) {
      console.log(`Audit chains intact: ${result.chains} chain(s), ${result.events} event(s).`);
      return 0;
    }
    const b = result.firstBreak!;
    console.error(
      `Audit chain BROKEN: chain ${b.chainKey}, position ${b.seq}${b.eventId ? `, event id ${b.eventId}` : ""}: ${b.reason}. ${result.events} event(s) verified before it.`,
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
