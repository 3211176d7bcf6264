import { getTranslations } from "next-intl/server";
import { unassignStaffAction } from "@/app/actions/desk";
import { RowAction } from "@/components/users/row-action";
import { Card } from "@/components/ui/card";
import type { deskPartnerLoader } from "@/lib/desk/queries";
import { AssignForm } from "./assign-form";

type DeskPartner = Awaited<ReturnType<(typeof deskPartnerLoader)["load"]>>;

/** Who serves a Partner and for what; managers and operators assign and unassign here (OPS-1). */
export async function AssignmentsPanel({ data }: { data: DeskPartner }) {
  const t = await getTranslations("desk");
  const tc = await getTranslations("cabinet");
  return (
    <Card aria-labelledby="assignments-title" className="space-y-4">
      <h2 id="assignments-title" className="text-lg font-semibold">
        {t("assignments.title")}
      </h2>
      {data.partner.outsourcingCompany ? (
        <p className="text-sm text-muted">
          {t("assignments.company", { company: data.partner.outsourcingCompany.name })}
        </p>
      ) : (
        <p className="text-sm text-muted">{t("assignments.noCompany")}</p>
      )}
      {data.assignments.length === 0 ? (
        <p>{t("assignments.none")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {data.assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">{a.staffMember.person.name}</p>
                <p className="text-sm text-muted">
                  {tc(`roles.${a.staffMember.role}`)} · {t(`responsibilities.${a.responsibility}`)}
                </p>
              </div>
              {data.canAssign ? (
                <RowAction
                  action={unassignStaffAction}
                  name="assignmentId"
                  value={a.id}
                  label={t("assignments.remove")}
                  confirm={{ question: t("assignments.removeQuestion"), yes: t("assignments.removeYes") }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.canAssign ? (
        <AssignForm
          partnerId={data.partner.id}
          staff={data.staff.map((s) => ({ id: s.id, name: s.person.name, roleLabel: tc(`roles.${s.role}`) }))}
        />
      ) : null}
    </Card>
  );
}
