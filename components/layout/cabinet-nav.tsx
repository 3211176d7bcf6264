"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export function CabinetNav({
  items,
  label,
  home = "/cabinet",
}: {
  items: { href: string; label: string }[];
  label: string;
  /** The place's home: active only on itself, not on every page below it. */
  home?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible">
        {items.map((item) => {
          const active = item.href === home ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block min-h-10 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium",
                  active ? "bg-brand-700 text-white" : "text-ink hover:bg-brand-50",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
