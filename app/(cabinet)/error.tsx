"use client";

import { ErrorCard } from "@/components/errors/error-card";
import { PlainHeader } from "@/components/errors/plain-header";

/** The cabinet's own frame failed (e.g. the database is down): a plain header instead. */
export default function CabinetFrameError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <PlainHeader />
      <main id="main" className="px-4 py-8 sm:py-16">
        <ErrorCard error={error} reset={reset} backHref="/" backLabel="toHome" />
      </main>
    </>
  );
}
