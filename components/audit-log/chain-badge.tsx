import { getTranslations } from "next-intl/server";
import { verifyPartnerChain } from "@/lib/audit/log-queries";
import { cn } from "@/lib/utils";

const badge = "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium";

/** Recomputes the Partner's hash chain; rendered inside Suspense so the list never waits for it. */
export async function ChainBadge({ partnerId }: { partnerId: string }) {
  const t = await getTranslations("auditLog.chain");
  let result: Awaited<ReturnType<typeof verifyPartnerChain>> | null = null;
  try {
    result = await verifyPartnerChain(partnerId);
  } catch (error) {
    console.error("[audit] chain verification failed", error);
  }
  if (!result) return <span role="status" className={cn(badge, "border-warn/30 bg-warn-bg text-warn")}>{t("failed")}</span>;
  return result.brokenAt === null ? (
    <span role="status" className={cn(badge, "border-ok/30 bg-ok-bg text-ok")}>
      <span aria-hidden="true">✓</span> {t("verified")}
    </span>
  ) : (
    <span role="status" className={cn(badge, "border-danger/30 bg-danger-bg text-danger")}>
      <span aria-hidden="true">!</span> {t("broken", { position: result.brokenAt })}
    </span>
  );
}

export async function ChainBadgePending() {
  const t = await getTranslations("auditLog.chain");
  return <span className={cn(badge, "border-line bg-white text-muted")}>{t("checking")}</span>;
}
