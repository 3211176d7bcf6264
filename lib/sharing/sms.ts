import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { loginUrl } from "@/lib/members/invitation-sms";
import { plainName } from "@/lib/sms/plain-text";

/**
 * Tells the counterparty that a Partner shared documents with them, with the login link. A job
 * enqueued in the share's transaction: it leaves only if the share commits. Names go in as plain words.
 */
export async function sendShareSms(
  tx: Prisma.TransactionClient,
  share: { phone: string; partnerName: string; locale: string; count: number },
): Promise<void> {
  const text = translator(share.locale)(
    "sharing.sms.shared" as never,
    {
      partner: plainName(share.partnerName),
      count: share.count,
      link: loginUrl(),
    } as never,
  );
  await enqueueJob(tx, "sms.send", { to: share.phone, text });
}
