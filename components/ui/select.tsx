import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A native select styled like Input: works without JavaScript and with every screen reader. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "block w-full min-h-11 rounded-lg border border-line bg-white px-3 text-base text-ink aria-[invalid=true]:border-danger",
        className,
      )}
      {...props}
    />
  );
}
