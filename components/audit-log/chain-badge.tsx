"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";

const badge = "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium";

type Status = { state: "checking" } | { state: "failed" } | { state: "done"; brokenAt: number | null };

/** Asks the server to recompute the Partner's hash chain once the page is shown. */
export function ChainBadge() {
  const t = useTranslations("auditLog.chain");
  const [status, setStatus] = useState<Status>({ state: "checking" });
  useEffect(() => {
    let live = true;
    fetch("/api/cabinet/audit/chain", { cache: "no-store" })
      .then((r) =>
        r.ok ? (r.json() as Promise<{ brokenAt: number | null }>) : Promise.reject(new Error(String(r.status))),
      )
      .then((r) => live && setStatus({ state: "done", brokenAt: r.brokenAt }))
      .catch(() => live && setStatus({ state: "failed" }));
    return () => {
      live = false;
    };
  }, []);
  if (status.state === "checking")
    return (
      <span role="status" className={cn(badge, "border-line bg-white text-muted")}>
        {t("checking")}
      </span>
    );
  if (status.state === "failed")
    return (
      <span role="status" className={cn(badge, "border-warn/30 bg-warn-bg text-warn")}>
        {t("failed")}
      </span>
    );
  return status.brokenAt === null ? (
    <span role="status" className={cn(badge, "border-ok/30 bg-ok-bg text-ok")}>
      <span aria-hidden="true">✓</span> {t("verified")}
    </span>
  ) : (
    <span role="status" className={cn(badge, "border-danger/30 bg-danger-bg text-danger")}>
      <span aria-hidden="true">!</span> {t("broken", { position: status.brokenAt })}
    </span>
  );
}
