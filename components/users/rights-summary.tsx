import { getTranslations } from "next-intl/server";
import { RESTRICTABLE_MODULES, parseRestrictedRights } from "@/lib/permissions/catalog";

/** One line saying what a role and its module rights open, e.g. "Documents: View · Company profile: Edit". */
export async function RightsSummary({
  role,
  rights,
  categories,
}: {
  role: string;
  rights: unknown;
  categories: string[];
}) {
  const t = await getTranslations("users");
  if (role === "PRIMARY") return <>{t("everything")}</>;
  if (role === "FULL") return <>{t("allSections")}</>;
  const parsed = parseRestrictedRights(rights);
  const parts = RESTRICTABLE_MODULES.filter((m) => parsed[m]).map((m) => {
    const line = `${t(`modules.${m}`)}: ${t(`access.${parsed[m]!}`)}`;
    if (m !== "documents" || categories.length === 0) return line;
    return `${line} (${categories.map((c) => t(`categories.${c}` as never)).join(", ")})`;
  });
  return <>{parts.length ? parts.join(" · ") : t("noSections")}</>;
}
