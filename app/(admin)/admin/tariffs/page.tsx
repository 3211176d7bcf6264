import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { addTariffPriceAction, updateServiceAction, updateTariffAction } from "@/app/actions/billing";
import { NoticeForm } from "@/components/billing/notice-form";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { adminCatalogueLoader } from "@/lib/billing/queries";
import { SERVICE_KEYS } from "@/lib/tariffs/queries";
import { formatTenge } from "@/lib/tariffs/localize";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.admin"))("tariffsTitle") };
}

const TEXT_FIELDS = ["nameRu", "nameKk", "nameEn", "descriptionRu", "descriptionKk", "descriptionEn"] as const;

function TextInput({
  id,
  name,
  label,
  value,
  type = "text",
  disabled,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number;
  type?: string;
  disabled: boolean;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type={type} defaultValue={value} disabled={disabled} />
    </div>
  );
}

function Check({
  id,
  name,
  label,
  checked,
  disabled,
  value,
}: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  value?: string;
}) {
  return (
    <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm">
      <input id={id} type="checkbox" name={name} value={value ?? "on"} defaultChecked={checked} disabled={disabled} />
      {label}
    </label>
  );
}

/** Operators edit tariffs (texts, limits, services, order, active) and their dated prices, and services. */
export default async function AdminTariffsPage() {
  const data = await load(adminCatalogueLoader);
  const t = await getTranslations("billing.admin");
  const ts = await getTranslations("tariffs.service");
  const format = await getFormatter();
  const off = !data.canManage;
  const today = new Date(data.now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("tariffsTitle")}</h1>
      <p className="text-sm text-muted">{t("tariffsIntro")}</p>
      {off ? <p className="text-sm font-medium">{t("readOnly")}</p> : null}
      {data.tariffs.map((tariff) => (
        <Card key={tariff.id} aria-labelledby={`tariff-${tariff.slug}`}>
          <h2 id={`tariff-${tariff.slug}`} className="mb-3 text-lg font-semibold">
            {tariff.nameRu} <span className="text-sm text-muted">({tariff.slug})</span>
            {tariff.demo ? <span className="ml-2 text-sm text-muted">· {t("demo")}</span> : null}
          </h2>
          <NoticeForm action={updateTariffAction} submit={t("save")} done={t("saved")}>
            <input type="hidden" name="tariffId" value={tariff.id} />
            <div className="grid gap-3 sm:grid-cols-3">
              {TEXT_FIELDS.map((f) => (
                <TextInput key={f} id={`${tariff.slug}-${f}`} name={f} label={t(f)} value={tariff[f]} disabled={off} />
              ))}
              <TextInput
                id={`${tariff.slug}-users`}
                name="maxUsers"
                label={t("maxUsers")}
                value={tariff.maxUsers}
                type="number"
                disabled={off}
              />
              <TextInput
                id={`${tariff.slug}-storage`}
                name="storageMb"
                label={t("storageMb")}
                value={tariff.storageMb}
                type="number"
                disabled={off}
              />
              <TextInput
                id={`${tariff.slug}-requests`}
                name="requestsPerMonth"
                label={t("requestsPerMonth")}
                value={tariff.requestsPerMonth}
                type="number"
                disabled={off}
              />
              <TextInput
                id={`${tariff.slug}-order`}
                name="sortOrder"
                label={t("sortOrder")}
                value={tariff.sortOrder}
                type="number"
                disabled={off}
              />
            </div>
            <fieldset className="flex flex-wrap gap-x-4">
              <legend className="text-sm font-medium">{t("included")}</legend>
              {SERVICE_KEYS.map((key) => (
                <Check
                  key={key}
                  id={`${tariff.slug}-svc-${key}`}
                  name="includedServices"
                  value={key}
                  label={ts(key)}
                  checked={tariff.includedServices.includes(key)}
                  disabled={off}
                />
              ))}
            </fieldset>
            <Check
              id={`${tariff.slug}-active`}
              name="active"
              label={t("active")}
              checked={tariff.active}
              disabled={off}
            />
          </NoticeForm>
          <h3 className="mt-4 text-base font-semibold">{t("prices")}</h3>
          <ul className="text-sm">
            {tariff.prices.map((p) => (
              <li key={p.id}>
                {format.dateTime(p.effectiveFrom, { dateStyle: "medium" })} — {formatTenge(p.amount)}
              </li>
            ))}
          </ul>
          {off ? null : (
            <NoticeForm
              action={addTariffPriceAction}
              submit={t("addPrice")}
              done={t("priceAdded")}
              className="mt-2 flex flex-wrap items-end gap-3"
            >
              <input type="hidden" name="tariffId" value={tariff.id} />
              <TextInput
                id={`${tariff.slug}-amount`}
                name="amount"
                label={t("newPrice")}
                value=""
                type="number"
                disabled={false}
              />
              <TextInput
                id={`${tariff.slug}-from`}
                name="effectiveFrom"
                label={t("from")}
                value={today}
                type="date"
                disabled={false}
              />
            </NoticeForm>
          )}
        </Card>
      ))}
      <h2 className="pt-4 text-xl font-bold">{t("servicesTitle")}</h2>
      {data.services.map((s) => (
        <Card key={s.id} aria-labelledby={`service-${s.slug}`}>
          <h3 id={`service-${s.slug}`} className="mb-3 text-lg font-semibold">
            {s.nameRu} <span className="text-sm text-muted">({s.slug})</span>
          </h3>
          <NoticeForm action={updateServiceAction} submit={t("save")} done={t("saved")}>
            <input type="hidden" name="serviceId" value={s.id} />
            <div className="grid gap-3 sm:grid-cols-3">
              {TEXT_FIELDS.map((f) => (
                <TextInput key={f} id={`${s.slug}-${f}`} name={f} label={t(f)} value={s[f]} disabled={off} />
              ))}
              <TextInput
                id={`${s.slug}-price`}
                name="price"
                label={t("price")}
                value={s.price}
                type="number"
                disabled={off}
              />
              <TextInput
                id={`${s.slug}-order`}
                name="sortOrder"
                label={t("sortOrder")}
                value={s.sortOrder}
                type="number"
                disabled={off}
              />
            </div>
            <Check
              id={`${s.slug}-demo`}
              name="availableInDemo"
              label={t("availableInDemo")}
              checked={s.availableInDemo}
              disabled={off}
            />
            <Check id={`${s.slug}-active`} name="active" label={t("active")} checked={s.active} disabled={off} />
          </NoticeForm>
        </Card>
      ))}
    </div>
  );
}
