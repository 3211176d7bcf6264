/** ✓ or — for a service in a tariff, with the words for screen readers. */
export function IncludedMark({ included, label }: { included: boolean; label: string }) {
  return (
    <>
      <span aria-hidden="true" className={included ? "font-bold text-ok" : "text-muted"}>
        {included ? "✓" : "—"}
      </span>
      <span className="sr-only">{label}</span>
    </>
  );
}
