import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { cancelInvitationAction, resendInvitationAction, revokeMemberAction } from "@/app/actions/members";
import { Card } from "@/components/ui/card";
import { InviteForm } from "@/components/users/invite-form";
import { MemberRightsForm } from "@/components/users/member-rights-form";
import { RightsSummary } from "@/components/users/rights-summary";
import { RowAction } from "@/components/users/row-action";
import { parseRestrictedRights } from "@/lib/permissions/catalog";
import { requireModule } from "@/lib/tenancy/cabinet";
import { partnerUsersLoader } from "@/lib/members/queries";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { actor } = await requireModule("users");
  if (actor.kind !== "member") return null;
  const data = await load(partnerUsersLoader);
  const t = await getTranslations("users");
  const tc = await getTranslations("cabinet");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
        <p className="mt-2 text-sm font-medium">{t("seats", { used: data.used, limit: data.userLimit })}</p>
      </div>

      <Card aria-labelledby="members">
        <h2 id="members" className="mb-4 text-lg font-semibold">
          {t("membersTitle")}
        </h2>
        <ul className="divide-y divide-line">
          {data.members.map((m) => (
            <li key={m.id} className="space-y-2 py-4">
              <div className="flex flex-col gap-1 lg:flex-row lg:items-start lg:justify-between">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    {m.name}
                    {m.personId === actor.personId ? (
                      <span className="ml-2 text-sm text-muted">({t("you")})</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-muted">
                    {formatPhone(m.phone)}
                    {m.position ? ` · ${m.position}` : null}
                  </p>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm lg:max-w-xl">
                  <dt className="text-muted">{t("role")}</dt>
                  <dd>{tc(`roles.${m.role}`)}</dd>
                  <dt className="text-muted">{t("rights")}</dt>
                  <dd>
                    <RightsSummary role={m.role} rights={m.rights} categories={m.documentCategories} />
                  </dd>
                  <dt className="text-muted">{t("status")}</dt>
                  <dd>{t(`memberStatuses.${m.status}`)}</dd>
                  <dt className="text-muted">{t("lastActivity")}</dt>
                  <dd>{m.lastActivityAt ? when(m.lastActivityAt) : t("never")}</dd>
                </dl>
              </div>
              {m.role !== "PRIMARY" && m.status === "ACTIVE" ? (
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                  <details className="flex-1 rounded-lg border border-line p-3">
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("editRights")}</summary>
                    <div className="mt-4">
                      <MemberRightsForm
                        membershipId={m.id}
                        role={m.role}
                        rights={parseRestrictedRights(m.rights) as Record<string, string>}
                        categories={m.documentCategories}
                      />
                    </div>
                  </details>
                  <RowAction
                    action={revokeMemberAction}
                    name="membershipId"
                    value={m.id}
                    label={t("revoke")}
                    done={t("revoked")}
                    variant="danger"
                    confirm={{ question: t("revokeConfirm", { name: m.name }), yes: t("revokeYes") }}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="invitations">
        <h2 id="invitations" className="mb-4 text-lg font-semibold">
          {t("invitationsTitle")}
        </h2>
        {data.invitations.length === 0 ? <p className="text-sm text-muted">{t("noInvitations")}</p> : null}
        <ul className="divide-y divide-line">
          {data.invitations.map((i) => (
            <li key={i.id} className="flex flex-col gap-3 py-4 lg:flex-row lg:items-start lg:justify-between">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">{i.name}</p>
                <p className="text-muted">
                  {formatPhone(i.phone)}
                  {i.position ? ` · ${i.position}` : null}
                </p>
                <p>
                  {tc(`roles.${i.role}`)} ·{" "}
                  <RightsSummary role={i.role} rights={i.rights} categories={i.documentCategories} />
                </p>
                <p className={i.expired ? "text-danger" : "text-muted"}>
                  {i.expired ? t("expired") : t("expires", { date: when(i.expiresAt) })} ·{" "}
                  {t("sentCount", { count: i.sendCount })}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <RowAction
                  action={resendInvitationAction}
                  name="invitationId"
                  value={i.id}
                  label={t("resend")}
                  done={t("resent")}
                />
                <RowAction
                  action={cancelInvitationAction}
                  name="invitationId"
                  value={i.id}
                  label={t("cancel")}
                  done={t("cancelled")}
                  variant="danger"
                />
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="invite">
        <h2 id="invite" className="mb-4 text-lg font-semibold">
          {t("inviteTitle")}
        </h2>
        <InviteForm />
      </Card>
    </div>
  );
}
