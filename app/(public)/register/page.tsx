import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { logoutAction } from "@/app/actions/session";
import { JoinInvitationForm } from "@/components/auth/join-invitation-form";
import { RegisterForm } from "@/components/auth/register-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getWebSession } from "@/lib/auth/current";
import { ownInvitationsLoader } from "@/lib/members/queries";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const session = await getWebSession();
  if (!session) redirect("/login");
  if (session.person) redirect("/cabinet");
  const t = await getTranslations("register");
  const invitations = await load(ownInvitationsLoader);
  return (
    <ClientMessages>
      <div className="space-y-6 px-4 py-8 sm:py-12">
        {invitations.map((invitation) => (
          <Card key={invitation.id} className="mx-auto max-w-xl" aria-labelledby={`invitation-${invitation.id}`}>
            <h1 id={`invitation-${invitation.id}`} className="text-2xl font-bold">
              {t("invitedTitle")}
            </h1>
            <p className="mt-2 mb-6 text-sm text-muted">
              {t("invitedText", { inviter: invitation.inviterName, partner: invitation.partnerName })}
            </p>
            <JoinInvitationForm invitationId={invitation.id} name={invitation.invitedName} email={invitation.email} />
          </Card>
        ))}
        <Card className="mx-auto max-w-xl">
          <h1 className="text-2xl font-bold">{invitations.length > 0 ? t("ownCompanyTitle") : t("title")}</h1>
          <p className="mt-2 mb-6 text-sm text-muted">{t("intro", { phone: formatPhone(session.phone) })}</p>
          <RegisterForm />
        </Card>
        <form
          action={logoutAction}
          className="mx-auto flex max-w-xl flex-wrap items-center justify-center gap-2 text-sm"
        >
          <span className="text-muted">{t("notYou")}</span>
          <Button type="submit" variant="ghost" size="sm">
            {t("otherNumber")}
          </Button>
        </form>
      </div>
    </ClientMessages>
  );
}
