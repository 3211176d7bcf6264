import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "./kinds";

export interface NotificationInput {
  /** Who is told; duplicates and the actor themselves should be left out by the caller. */
  personIds: readonly string[];
  kind: NotificationKind;
  partnerId?: string | null;
  /** Values for the kind's text (strings only: they are shown as they are). */
  params: Record<string, string>;
  /** An app path, e.g. /cabinet/requests/<id>; each person's own place decides which. */
  link: string;
}

/**
 * Tells people something happened, in the transaction of the change that caused it: one in-app
 * notification each. Its SMS and e-mail copies, per person and kind, are jobs enqueued here too
 * (see lib/notifications/README in docs/architecture.md).
 */
export async function notify(tx: Prisma.TransactionClient, input: NotificationInput): Promise<void> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) return;
  await tx.notification.createMany({
    data: personIds.map((personId) => ({
      personId,
      partnerId: input.partnerId ?? null,
      kind: input.kind,
      params: input.params,
      link: input.link,
    })),
  });
}
