"use client";

import { ErrorCard } from "@/components/errors/error-card";

/** A public page that failed, under the public header. */
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="px-4 py-8 sm:py-16">
      <ErrorCard error={error} reset={reset} backHref="/" backLabel="toHome" />
    </div>
  );
}
