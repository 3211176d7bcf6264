import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const tones = {
  info: "border-brand-100 bg-brand-50 text-brand-800",
  warn: "border-warn/30 bg-warn-bg text-warn",
  error: "border-danger/30 bg-danger-bg text-danger",
  ok: "border-ok/30 bg-ok-bg text-ok",
} as const;

export function Alert({
  tone = "info",
  children,
  className,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-lg border px-4 py-3 text-sm", tones[tone], className)}
    >
      {children}
    </div>
  );
}
