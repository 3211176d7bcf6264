import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { openInvitationsLoader } from "@/lib/cabinet-home/queries";
import { load } from "@/lib/tenancy/request";
import { formatPhone } from "@/lib/validation/phone";

/** For those who manage users: who was invited and has not answered yet. */
export async function OpenInvitations() {
  const t = await getTranslations("cabinet.home");
  const { rows, total } = await load(openInvitationsLoader, {});
  return (
    <Card aria-labelledby="home-invitations">
      <h3 id="home-invitations" className="font-semibold">
        {t("invitationsTitle")} {total > 0 ? <span className="text-muted">({total})</span> : null}
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("invitationsEmpty")}</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {rows.map((i) => (
            <li key={i.id}>{t("invitationLine", { name: i.name, phone: formatPhone(i.phone), date: i.expiresAt })}</li>
          ))}
        </ul>
      )}
      <Link href="/cabinet/users" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
        {t("invitationsAll")}
      </Link>
    </Card>
  );
}
