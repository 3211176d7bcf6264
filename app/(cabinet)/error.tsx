"use client";

import dynamic from "next/dynamic";

// The frame's texts come from the root layout's data block (components/errors/error-texts.tsx).
const BoundaryCard = dynamic(() => import("@/components/errors/boundary-card").then((m) => m.BoundaryCard), {
  ssr: false,
});

/** The cabinet's own frame failed (e.g. the database is down): a plain header instead. */
export default function CabinetFrameError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <BoundaryCard plainHeader error={error} reset={reset} backHref="/" backLabel="toHome" />;
}
