import type { ReactNode } from "react";

/**
 * The phone header's menu: what does not fit one row (who is logged in, language, logout).
 * A <details> element, so it opens without JavaScript and is announced as expandable.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="relative sm:hidden">
      <summary
        aria-label={label}
        className="flex min-h-10 min-w-10 cursor-pointer list-none items-center justify-center rounded-lg border border-line [&::-webkit-details-marker]:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </summary>
      <div className="absolute right-0 z-20 mt-2 flex w-64 flex-col items-start gap-3 rounded-xl border border-line bg-white p-4 shadow-lg">
        {children}
      </div>
    </details>
  );
}
