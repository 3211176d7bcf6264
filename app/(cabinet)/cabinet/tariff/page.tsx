import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { changeTariffAction, orderServiceAction } from "@/app/actions/billing";
import { Card } from "@/components/ui/card";
import { RowAction } from "@/components/users/row-action";
import { formatTiyn } from "@/lib/billing/amount-in-words";
import { planLoader } from "@/lib/billing/queries";
import { formatTenge } from "@/lib/tariffs/localize";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

/** The Partner's plan (BIZ-2): tariff, limits and use, the change rule, services to order, invoices. */
export default async function TariffPage() {
  const data = await load(planLoader, { locale: await getLocale() });
  const t = await getTranslations("billing");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const gb = (mb: number) => (mb / 1024).toLocaleString("ru-RU", { maximumFractionDigits: 1 });
  const usage = [
    { key: "users", used: data.usage.users, limit: data.limits.users, label: t("users") },
    { key: "storage", used: data.usage.storageMb, limit: data.limits.storageMb, label: t("storage") },
    { key: "requests", used: data.usage.requests, limit: data.limits.requestsPerMonth, label: t("requests") },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>

      <Card aria-labelledby="current">
        <h2 id="current" className="text-lg font-semibold">
          {data.current ? t("current", { name: data.current.name }) : t("noTariff")}
        </h2>
        {data.current?.price ? (
          <p className="mt-1 text-sm text-muted">{t("pricePerMonth", { price: formatTenge(data.current.price) })}</p>
        ) : null}
        {data.demo ? <p className="mt-2 text-sm">{t("demoNote")}</p> : null}
        {data.pending ? (
          <p className="mt-2 text-sm font-medium" data-testid="pending-change">
            {t("pending", { name: data.pending.name, date: day(data.pending.effectiveFrom) })}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-3 sm:grid-cols-3">
          {usage.map((u) => (
            <div key={u.key} className="rounded-lg border border-line p-3">
              <dt className="text-sm text-muted">{u.label}</dt>
              <dd className="mt-1 text-lg font-semibold" data-testid={`usage-${u.key}`}>
                {u.limit === null ? t("usedNoLimit", { used: u.used }) : t("usedOf", { used: u.used, limit: u.limit })}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card aria-labelledby="change">
        <h2 id="change" className="text-lg font-semibold">
          {t("changeTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("changeRule")}</p>
        {!data.canChange ? (
          <p className="mt-2 text-sm">{data.demo ? t("changeDemo") : t("changePrimaryOnly")}</p>
        ) : null}
        <ul className="mt-4 grid gap-3 lg:grid-cols-3">
          {data.tariffs.map((tariff) => (
            <li key={tariff.slug} className="flex flex-col gap-2 rounded-lg border border-line p-4">
              <p className="font-semibold">{tariff.name}</p>
              <p className="text-sm">{t("pricePerMonth", { price: formatTenge(tariff.price) })}</p>
              <p className="text-sm text-muted">
                {t("limitsLine", {
                  users: tariff.limits.users,
                  storage: gb(tariff.limits.storageMb),
                  requests: tariff.limits.requestsPerMonth,
                })}
              </p>
              {tariff.current ? (
                <p className="text-sm font-medium">{t("isCurrent")}</p>
              ) : data.canChange ? (
                <RowAction
                  action={changeTariffAction}
                  name="tariffSlug"
                  value={tariff.slug}
                  label={t("choose", { name: tariff.name })}
                  done={t("changed")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="services">
        <h2 id="services" className="text-lg font-semibold">
          {t("servicesTitle")}
        </h2>
        {data.demo ? <p className="mt-1 text-sm text-muted">{t("servicesDemo")}</p> : null}
        {!data.canOrder ? <p className="mt-1 text-sm">{t("orderUnavailable")}</p> : null}
        <ul className="mt-4 divide-y divide-line">
          {data.services.map((s) => (
            <li key={s.slug} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{s.name}</p>
                <p className="text-sm text-muted">
                  {formatTenge(s.price)} · {t(`kind.${s.kind}`)}
                </p>
              </div>
              {data.canOrder ? (
                <RowAction
                  action={orderServiceAction}
                  name="serviceSlug"
                  value={s.slug}
                  label={t("order", { name: s.name })}
                  done={t("ordered")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="invoices">
        <h2 id="invoices" className="text-lg font-semibold">
          {t("invoicesTitle")}
        </h2>
        {data.invoices.length === 0 ? <p className="mt-2 text-sm text-muted">{t("noInvoices")}</p> : null}
        <ul className="mt-2 divide-y divide-line">
          {data.invoices.map((i) => (
            <li key={i.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{t("invoiceTitle", { number: i.number, date: day(i.issuedAt) })}</p>
                <p className="text-sm text-muted">
                  {i.service ? `${i.service} · ` : null}
                  {formatTiyn(i.totalTiyn)}&nbsp;₸ · {t(`status.${i.status}`)}
                </p>
              </div>
              <a
                className="text-sm font-medium text-brand-700 underline"
                href={`/api/cabinet/invoices/${i.id}/pdf`}
                aria-label={t("downloadNamed", { number: i.number })}
              >
                {t("download")}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
