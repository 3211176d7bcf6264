"use client";

import dynamic from "next/dynamic";

// Loaded only when a page fails, so the card, its texts' provider and formatter stay out of every public page's JavaScript.
const BoundaryCard = dynamic(() => import("@/components/errors/boundary-card").then((m) => m.BoundaryCard), {
  ssr: false,
});

/** A public page that failed, under the public header. */
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="px-4 py-8 sm:py-16">
      <BoundaryCard error={error} reset={reset} backHref="/" backLabel="toHome" />
    </div>
  );
}
