import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { sharedHomeLoader } from "@/lib/sharing/queries";
import { load } from "@/lib/tenancy/request";

/** A counterparty's home (DOC-4): the documents of their live shares, grouped by the sharing Partner. */
export default async function SharedHomePage() {
  const partners = await load(sharedHomeLoader);
  const t = await getTranslations("places");
  const ts = await getTranslations("sharing");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("sharedTitle")}</h1>
      {partners.length === 0 ? <p className="text-muted">{t("sharedEmpty")}</p> : null}
      <ul className="space-y-3">
        {partners.map((p) => (
          <li key={p.id}>
            <Card className="space-y-3">
              <h2 className="font-semibold break-words">{p.name}</h2>
              <ul className="divide-y divide-line">
                {p.documents.map((d) => (
                  <li key={d.documentId} className="py-2">
                    <Link
                      href={`/shared/documents/${d.documentId}`}
                      className="font-medium break-words text-brand-700 underline"
                    >
                      {d.title}
                    </Link>
                    <p className="text-sm text-muted">
                      {d.rights.map((r) => ts(`rights.${r as "view"}`)).join(", ")}
                      {d.allowDownload ? `, ${ts("download")}` : ""} ·{" "}
                      {ts("until", { date: format.dateTime(d.expiresAt, { dateStyle: "medium" }) })}
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
