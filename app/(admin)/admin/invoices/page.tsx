import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { cancelInvoiceAction, markInvoicePaidAction } from "@/app/actions/billing";
import { NoticeForm } from "@/components/billing/notice-form";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RowAction } from "@/components/users/row-action";
import { formatTiyn } from "@/lib/billing/amount-in-words";
import { adminInvoicesLoader } from "@/lib/billing/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.admin"))("invoicesTitle") };
}

/** Invoices across the platform: admins mark them paid or cancel them; support only looks (BIZ-2). */
export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const data = await load(adminInvoicesLoader, { status: (await searchParams).status });
  const t = await getTranslations("billing.admin");
  const tb = await getTranslations("billing");
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("invoicesTitle")}</h1>
      <nav className="flex flex-wrap gap-3 text-sm" aria-label={t("filter")}>
        <a className="underline" href="/admin/invoices">
          {t("allStatuses")}
        </a>
        {(["ISSUED", "PAID", "CANCELLED"] as const).map((s) => (
          <a key={s} className="underline" href={`/admin/invoices?status=${s}`}>
            {tb(`status.${s}`)}
          </a>
        ))}
      </nav>
      {!data.canManage ? <p className="text-sm font-medium">{t("readOnly")}</p> : null}
      <Card>
        {data.rows.length === 0 ? <p className="text-sm text-muted">{t("noInvoices")}</p> : null}
        <ul className="divide-y divide-line">
          {data.rows.map((i) => (
            <li key={i.id} className="space-y-2 py-3" data-testid="invoice">
              <p className="font-medium">
                {tb("invoiceTitle", {
                  number: `${i.number}/${i.year}`,
                  date: format.dateTime(i.issuedAt, { dateStyle: "medium" }),
                })}
                {" · "}
                {tb(`status.${i.status}`)}
              </p>
              <p className="text-sm text-muted">
                {t("partner")}: {i.partner.name} · {t("supplier")}: {i.company.name} · {formatTiyn(i.totalTiyn)}&nbsp;₸
                ·{" "}
                <a className="underline" href={`/api/cabinet/invoices/${i.id}/pdf`}>
                  {t("pdf")}
                </a>
              </p>
              {data.canManage && i.status === "ISSUED" ? (
                <div className="flex flex-wrap items-start gap-4">
                  <RowAction
                    action={markInvoicePaidAction}
                    name="invoiceId"
                    value={i.id}
                    label={t("markPaid")}
                    done={t("paid")}
                  />
                  <NoticeForm
                    action={cancelInvoiceAction}
                    submit={t("cancel")}
                    done={t("cancelled")}
                    className="flex flex-wrap items-end gap-2"
                  >
                    <input type="hidden" name="invoiceId" value={i.id} />
                    <div className="space-y-1">
                      <Label htmlFor={`reason-${i.id}`}>{t("reason")}</Label>
                      <Input id={`reason-${i.id}`} name="reason" required minLength={3} />
                    </div>
                  </NoticeForm>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
