/** Rows per page of keyset-paginated lists. */
export const PAGE_SIZE = 25;

/** An opaque cursor over the sort key of the last row shown (e.g. name and id). */
export function encodeKeyset(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** The sort key inside a cursor, or null when it is not one of ours (a bad cursor starts from the top). */
export function decodeKeyset(cursor: string | undefined, length: number): string[] | null {
  if (!cursor || cursor.length > 1024) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values) || values.length !== length) return null;
    return values.every((v) => typeof v === "string" && v.length <= 512) ? (values as string[]) : null;
  } catch {
    return null;
  }
}

/** Splits a fetched page of `PAGE_SIZE + 1` rows into the page and the cursor of the next one. */
export function pageOf<T>(rows: T[], key: (row: T) => readonly string[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeKeyset(key(last)) : null };
}
