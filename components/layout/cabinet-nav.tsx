"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

export interface NavItem {
  href: string;
  label: string;
  /** Set on sections still to come: shown muted with this word. */
  badge?: string;
}

/**
 * The cabinet's sections: a column on wide screens, one scrolling row on phones that keeps the
 * active section in view.
 */
export function CabinetNav({
  items,
  label,
  home = "/cabinet",
}: {
  items: NavItem[];
  label: string;
  /** The place's home: active only on itself, not on every page below it. */
  home?: string;
}) {
  // Typed nullable once a Pages Router page exists (the landing); always set inside the App Router.
  const pathname = usePathname() ?? "";
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const active = list.current?.querySelector<HTMLElement>("[aria-current=page]");
    const row = list.current;
    if (!active || !row || row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft = active.offsetLeft - (row.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav aria-label={label}>
      <ul
        ref={list}
        className="-mx-4 flex snap-x gap-1 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0"
      >
        {items.map((item) => {
          const active = item.href === home ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href} className="shrink-0 snap-start">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex min-h-10 items-center gap-2 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium",
                  active
                    ? "bg-brand-700 text-white"
                    : item.badge
                      ? "text-muted hover:bg-brand-50"
                      : "border border-line bg-white text-ink hover:bg-brand-50 lg:border-transparent lg:bg-transparent",
                )}
              >
                {item.label}
                {item.badge ? (
                  <span
                    className={cn(
                      "rounded-full px-2 py-0.5 text-xs font-normal",
                      active ? "bg-white/20 text-white" : "bg-line/60 text-muted",
                    )}
                  >
                    {item.badge}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
