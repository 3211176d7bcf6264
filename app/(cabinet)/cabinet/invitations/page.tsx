import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { acceptInvitationAction } from "@/app/actions/members";
import { Card } from "@/components/ui/card";
import { RightsSummary } from "@/components/users/rights-summary";
import { RowAction } from "@/components/users/row-action";
import { requireCabinet } from "@/lib/tenancy/cabinet";
import { ownInvitationsLoader } from "@/lib/members/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users.invitations"))("title") };
}

/** Invitations sent to the logged-in person's own phone; accepting opens that cabinet. */
export default async function InvitationsPage() {
  await requireCabinet();
  const invitations = await load(ownInvitationsLoader);
  const t = await getTranslations("users");
  const tc = await getTranslations("cabinet");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("invitations.title")}</h1>
        <p className="mt-1 text-muted">{t("invitations.intro")}</p>
      </div>
      {invitations.length === 0 ? (
        <Card>
          <p className="text-sm text-muted">{t("invitations.empty")}</p>
        </Card>
      ) : null}
      {invitations.map((i) => (
        <Card key={i.id} aria-labelledby={`inv-${i.id}`}>
          <h2 id={`inv-${i.id}`} className="text-lg font-semibold break-words">
            {t("invitations.from", { inviter: i.inviterName, partner: i.partnerName })}
          </h2>
          <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{t("role")}</dt>
            <dd>{tc(`roles.${i.role}`)}</dd>
            <dt className="text-muted">{t("rights")}</dt>
            <dd>
              <RightsSummary role={i.role} rights={i.rights} categories={i.documentCategories} />
            </dd>
            {i.position ? (
              <>
                <dt className="text-muted">{t("position")}</dt>
                <dd>{i.position}</dd>
              </>
            ) : null}
          </dl>
          <p className="mb-3 text-sm text-muted">
            {t("expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
          <RowAction
            action={acceptInvitationAction}
            name="invitationId"
            value={i.id}
            label={t("invitations.accept")}
            variant="primary"
          />
        </Card>
      ))}
    </div>
  );
}
