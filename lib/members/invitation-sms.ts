import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { plainName } from "@/lib/sms/plain-text";

/** Where an invitee signs in; APP_URL is the public address of the deployment. */
export function loginUrl(): string {
  const base = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return `${base.replace(/\/+$/, "")}/login`;
}

/**
 * Tells the invitee who invites them into which Partner. The SMS is a job enqueued in the
 * action's transaction: it leaves only if the invitation commits, and a slow or failing gateway
 * delays it (retried with backoff) without holding the transaction. The names are users' input,
 * so they go in as plain words only; the one link is the app's own.
 */
export async function sendInvitationSms(
  tx: Prisma.TransactionClient,
  invitation: { phone: string; partnerId: string; invitedById: string },
  fallbackLocale: string,
): Promise<void> {
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: invitation.partnerId }, select: { name: true } });
  const inviter = await tx.person.findUniqueOrThrow({ where: { id: invitation.invitedById }, select: { name: true } });
  const invitee = await tx.person.findUnique({ where: { phone: invitation.phone }, select: { locale: true } });
  const text = translator(invitee?.locale ?? fallbackLocale)("users.sms.invitation", {
    inviter: plainName(inviter.name),
    partner: plainName(partner.name),
    link: loginUrl(),
  });
  await enqueueJob(tx, "sms.send", { to: invitation.phone, text });
}
