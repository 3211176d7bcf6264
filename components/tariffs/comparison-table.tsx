import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatTenge } from "@/lib/tariffs/localize";
import { SERVICE_KEYS, type PublicTariff } from "@/lib/tariffs/queries";
import { formatCount, storageGb } from "./format";
import { IncludedMark } from "./included-mark";

const stickyCell = "sticky left-0 z-10 bg-white text-left font-medium shadow-[1px_0_0_var(--color-line)]";

/**
 * Separate borders on cells rather than rows: with collapsed borders the sticky column leaves a
 * gap the scrolled cells show through.
 *
 * Tariffs side by side, one column each. On a phone the table scrolls sideways while the first
 * column (what is compared) stays in place.
 */
export async function ComparisonTable({ tariffs }: { tariffs: PublicTariff[] }) {
  const t = await getTranslations("tariffs");
  const row = (label: string, cell: (tariff: PublicTariff) => ReactNode) => (
    <tr>
      <th scope="row" className={`${stickyCell} px-3 py-3 text-sm`}>
        {label}
      </th>
      {tariffs.map((tariff) => (
        <td key={tariff.slug} className="px-3 py-3 text-center">
          {cell(tariff)}
        </td>
      ))}
    </tr>
  );
  return (
    <div
      className="relative mt-6 overflow-x-auto rounded-xl border border-line bg-white shadow-sm"
      role="region"
      aria-label={t("compareCaption")}
      tabIndex={0}
    >
      <table className="w-full min-w-[36rem] border-separate border-spacing-0 text-sm sm:text-base [&_tbody_td]:border-t [&_tbody_td]:border-line [&_tbody_th]:border-t [&_tbody_th]:border-line">
        <caption className="sr-only">{t("compareCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${stickyCell} w-40 px-3 py-4 text-sm text-muted`}>
              {t("tariff")}
            </th>
            {tariffs.map((tariff) => (
              <th key={tariff.slug} scope="col" className="px-3 py-4 text-center text-lg font-bold text-brand-800">
                {tariff.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t("price"), (tariff) => (
            <span className="whitespace-nowrap text-lg font-bold">{formatTenge(tariff.priceMonthly)}</span>
          ))}
          {row(t("users"), (tariff) => formatCount(tariff.limits.users))}
          {row(t("storage"), (tariff) => t("storageValue", { gb: storageGb(tariff.limits.storageMb) }))}
          {row(t("requests"), (tariff) => formatCount(tariff.limits.requestsPerMonth))}
          {SERVICE_KEYS.map((key) => (
            <ServiceRow key={key} label={t(`service.${key}`)}>
              {tariffs.map((tariff) => {
                const included = tariff.includedServices.includes(key);
                return (
                  <td key={tariff.slug} className="px-3 py-3 text-center">
                    <IncludedMark included={included} label={t(included ? "included" : "notIncluded")} />
                  </td>
                );
              })}
            </ServiceRow>
          ))}
          <tr>
            <td className={stickyCell} />
            {tariffs.map((tariff) => (
              <td key={tariff.slug} className="px-3 py-3 text-center">
                <Link
                  href={`/tariffs/${tariff.slug}`}
                  aria-label={t("details", { name: tariff.name })}
                  className="inline-flex min-h-10 items-center rounded-lg border border-brand-700 px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                >
                  {t("detailsShort")}
                </Link>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function ServiceRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row" className={`${stickyCell} px-3 py-3 text-sm`}>
        {label}
      </th>
      {children}
    </tr>
  );
}
