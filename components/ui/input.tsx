import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "block w-full min-h-11 rounded-lg border border-line bg-white px-3 text-base text-ink placeholder:text-muted/70 aria-[invalid=true]:border-danger",
        className,
      )}
      {...props}
    />
  );
}
