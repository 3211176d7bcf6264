import type { Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { AppError } from "@/lib/errors/app-error";
import { SmsDeliveryError, getSmsProvider } from "@/lib/sms/provider";

/** Where an invitee signs in; APP_URL is the public address of the deployment. */
export function loginUrl(): string {
  const base = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return `${base.replace(/\/+$/, "")}/login`;
}

/**
 * Tells the invitee who invites them into which Partner. Sent inside the action's transaction: if
 * the gateway fails, the invitation is not created (or not marked as resent) either.
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
    inviter: inviter.name,
    partner: partner.name,
    link: loginUrl(),
  });
  try {
    await getSmsProvider().send({ to: invitation.phone, text }, tx);
  } catch (error) {
    if (error instanceof SmsDeliveryError) {
      console.error(`[members] ${error.message}`);
      throw new AppError("unavailable");
    }
    throw error;
  }
}
