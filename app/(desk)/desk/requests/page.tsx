import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AssignRequestsForm } from "@/components/requests/assign-form";
import { RequestList } from "@/components/requests/list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from "@/lib/requests/constants";
import { deskRequestsLoader } from "@/lib/requests/queries";
import { load } from "@/lib/tenancy/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("deskTitle") };
}

type Params = Record<string, string | string[] | undefined>;

/** REQ-4: one queue across the Partners the staff member reaches, by due time; managers assign in bulk. */
export default async function DeskRequestsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const input = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const data = await load(deskRequestsLoader, input);
  const t = await getTranslations("requests");
  const clean = Object.fromEntries(
    Object.entries(input).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "cursor"),
  );
  return (
    <ClientMessages namespaces={["requests.assign"]}>
      <div className="space-y-4">
        <div>
          <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
          <p className="mt-1 text-muted">{t("deskIntro")}</p>
        </div>
        <form
          method="get"
          action="/desk/requests"
          className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
        >
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("fields.status")}</span>
            <Select name="status" defaultValue={input.status ?? "open"}>
              {(["open", "all", ...REQUEST_STATUSES] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("fields.category")}</span>
            <Select name="category" defaultValue={input.category ?? ""}>
              <option value="">{t("any")}</option>
              {REQUEST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("fields.partner")}</span>
            {data.partner ? <input type="hidden" name="partnerId" value={data.partner.id} /> : null}
            <Input
              name="partner"
              type="search"
              defaultValue={input.partner ?? ""}
              placeholder={data.partner?.name ?? t("partnerSearch")}
              aria-describedby={data.partner ? "partner-chosen" : undefined}
            />
            {data.partner ? (
              <span id="partner-chosen" className="block text-xs text-muted">
                {data.partner.name} ·{" "}
                <Link
                  className="text-brand-700 underline"
                  href={`/desk/requests?${new URLSearchParams(
                    Object.fromEntries(Object.entries(clean).filter(([k]) => k !== "partnerId")),
                  )}`}
                >
                  {t("partnerClear")}
                </Link>
              </span>
            ) : null}
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium">{t("fields.assignee")}</span>
            <Select name="assigneeId" defaultValue={input.assigneeId ?? ""}>
              <option value="">{t("any")}</option>
              <option value="none">{t("unassigned")}</option>
              {data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </label>
          <div className="flex flex-col justify-end gap-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="overdue" value="1" defaultChecked={input.overdue === "1"} />
              {t("fields.overdue")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="unread" value="1" defaultChecked={input.unread === "1"} />
              {t("fields.unread")}
            </label>
          </div>
          <div className="flex items-end">
            <Button type="submit" variant="secondary">
              {t("filter")}
            </Button>
          </div>
        </form>

        {data.isManager && data.items.length ? <AssignRequestsForm staff={data.staff} formId="bulk-assign" /> : null}
        <RequestList
          items={data.items}
          hrefBase="/desk/requests"
          empty={t("nothingFound")}
          showPartner
          select={
            data.isManager
              ? (r) => (
                  <input
                    type="checkbox"
                    name="requestIds"
                    value={r.id}
                    form="bulk-assign"
                    aria-label={t("assign.select", { number: r.number })}
                    className="size-5"
                  />
                )
              : undefined
          }
        />
        {data.nextCursor ? (
          <Link
            className="inline-block font-medium text-brand-700 underline"
            href={`/desk/requests?${new URLSearchParams({ ...clean, cursor: data.nextCursor })}`}
          >
            {t("next")}
          </Link>
        ) : null}

        {data.isManager ? (
          <Card aria-labelledby="load" className="space-y-2 p-4">
            <h2 id="load" className="text-lg font-semibold">
              {t("load.heading")}
            </h2>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted">
                  <th className="py-1 font-medium">{t("fields.assignee")}</th>
                  <th className="py-1 text-right font-medium">{t("load.open")}</th>
                  <th className="py-1 text-right font-medium">{t("load.overdue")}</th>
                </tr>
              </thead>
              <tbody>
                {data.load.map((l) => (
                  <tr key={l.staffMemberId ?? "none"} className="border-t border-line">
                    <td className="py-1">{l.staffMemberId ? l.name : t("load.unassigned")}</td>
                    <td className="py-1 text-right">{l.open}</td>
                    <td className={`py-1 text-right ${l.overdue ? "font-semibold text-danger" : ""}`}>{l.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
