import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { RevokeShareButton } from "@/components/sharing/forms";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions/catalog";
import { partnerSharesLoader } from "@/lib/sharing/queries";
import { requireModule } from "@/lib/tenancy/cabinet";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sharing"))("title") };
}

/** The Partner's active shares with counterparties (DOC-4), each revocable at once. */
export default async function CounterpartiesPage() {
  const { actor } = await requireModule("counterparties");
  const shares = await load(partnerSharesLoader);
  const t = await getTranslations("sharing");
  const format = await getFormatter();
  const canEdit = can(actor.rights, "sharing.edit");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      {shares.length === 0 ? (
        <Card>
          <p className="text-sm text-muted">{t("empty")}</p>
        </Card>
      ) : null}
      <ul className="space-y-3" aria-label={t("title")}>
        {shares.map((s) => (
          <li key={s.id}>
            <Card className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 space-y-1 text-sm">
                <p className="font-semibold break-words">
                  {s.person.name} · {s.organisationName ?? ""} {s.organisationBin ? `(${s.organisationBin})` : ""}
                </p>
                <p className="text-muted">
                  {s.person.phone} · {s.rights.map((r) => t(`rights.${r as "view"}`)).join(", ")}
                  {s.allowDownload ? `, ${t("download")}` : ""}
                  {s.watermark ? `, ${t("watermark")}` : ""} ·{" "}
                  {t("until", { date: format.dateTime(s.expiresAt, { dateStyle: "medium" }) })}
                </p>
                <ul className="list-inside list-disc">
                  {s.documents.map((d) => (
                    <li key={d.id} className="break-words">
                      <Link href={`/cabinet/documents/${d.id}`} className="text-brand-700 underline">
                        {d.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
              {canEdit ? <RevokeShareButton shareId={s.id} label={s.person.name} /> : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
