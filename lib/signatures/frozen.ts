import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A version sent on a live route, or signed on a completed signature route, stays the document's
 * current version (DOC-5): no new version may replace it. A trigger holds the same rule in the
 * database; this says why in the user's language first.
 */
export async function assertVersionNotFrozen(tx: Prisma.TransactionClient, documentId: string): Promise<void> {
  const route = await tx.signatureRoute.findFirst({
    where: {
      documentId,
      OR: [{ status: "ACTIVE" }, { status: "COMPLETED", purpose: "SIGNATURE" }],
    },
    select: { status: true },
  });
  if (route) throw new AppError("conflict", route.status === "ACTIVE" ? "document_on_route" : "document_signed");
}
