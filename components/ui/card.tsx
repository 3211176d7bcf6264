import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section className={cn("rounded-xl border border-line bg-white p-5 shadow-sm sm:p-6", className)} {...props} />
  );
}
