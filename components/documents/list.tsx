import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FileSize } from "./file-size";

export interface DocumentListItem {
  id: string;
  title: string;
  category: string;
  direction: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
  isNew: boolean;
  partner: { name: string };
  createdBy: { name: string };
  version: { number: number; size: number; originalName: string; scanStatus: string };
}

/** Documents as cards: title, category, which way it went and when, the file; new ones marked. */
export async function DocumentList({
  items,
  hrefBase,
  showPartner,
  empty,
}: {
  items: DocumentListItem[];
  hrefBase: string;
  showPartner?: boolean;
  empty: string;
}) {
  const t = await getTranslations("documents");
  const format = await getFormatter();
  if (items.length === 0) {
    return (
      <Card>
        <p>{empty}</p>
      </Card>
    );
  }
  return (
    <ul className="space-y-3" aria-label={t("listLabel")}>
      {items.map((d) => (
        <li key={d.id}>
          <Card className="space-y-1.5 p-4 sm:p-5">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`${hrefBase}/${d.id}`}
                className="text-lg font-semibold break-words text-brand-800 hover:underline"
              >
                {d.title}
              </Link>
              {d.isNew ? (
                <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                  {t("new")}
                </span>
              ) : null}
              {d.version.scanStatus === "PENDING" ? (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  {t("scanPending")}
                </span>
              ) : null}
            </div>
            <p className="text-sm text-muted">
              {showPartner ? `${d.partner.name} · ` : null}
              {t(`categories.${d.category}` as never)} · {t(`directions.${d.direction}` as never)}
              {d.status === "ARCHIVED" ? ` · ${t("statuses.ARCHIVED")}` : null}
            </p>
            <p className="text-sm break-all">
              {d.version.originalName} · <FileSize bytes={d.version.size} />
              {d.version.number > 1 ? ` · ${t("versionN", { n: d.version.number })}` : null}
            </p>
            <p className="text-sm text-muted">
              {d.sentAt
                ? t("sentOn", { when: format.dateTime(d.sentAt, { dateStyle: "medium", timeStyle: "short" }) })
                : t("addedOn", {
                    when: format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    who: d.createdBy.name,
                  })}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
