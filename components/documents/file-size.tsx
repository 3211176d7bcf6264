import { getFormatter } from "next-intl/server";

/** A size in the reader's language: bytes, kilobytes, megabytes or gigabytes. */
export async function FileSize({ bytes }: { bytes: number }) {
  const format = await getFormatter();
  const units = [
    ["gigabyte", 1024 ** 3],
    ["megabyte", 1024 ** 2],
    ["kilobyte", 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size)
      return (
        <>{format.number(bytes / size, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 })}</>
      );
  }
  return <>{format.number(bytes, { style: "unit", unit: "byte", unitDisplay: "short" })}</>;
}
