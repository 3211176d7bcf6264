"use client";

import { ErrorCard } from "@/components/errors/error-card";

/** A cabinet page that failed: the header and navigation stay, the page says so in the user's language. */
export default function CabinetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorCard error={error} reset={reset} backHref="/cabinet" backLabel="toCabinet" />;
}
