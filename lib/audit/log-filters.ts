import { z } from "zod";
import { isIsoDate } from "./almaty-time";
import { AUDIT_ACTIONS } from "./events";

/** What the audit page and its CSV export filter by; every field optional. */
export interface AuditLogFilters {
  person?: string;
  action?: string;
  targetType?: string;
  /** Kazakhstan calendar dates, inclusive. */
  from?: string;
  to?: string;
}

export interface AuditLogCursor {
  createdAt: Date;
  id: bigint;
}

const isoDate = z.string().refine(isIsoDate);

/** One schema per URL parameter, so a bad value drops only itself, never the whole search. */
export const auditLogFilterSchema = z.object({
  person: z.uuid(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  from: isoDate,
  to: isoDate,
});

type FilterKey = keyof typeof auditLogFilterSchema.shape;
const FILTER_KEYS = Object.keys(auditLogFilterSchema.shape) as FilterKey[];

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** One URL search parameter, trimmed; undefined when absent or blank. */
export function readSearchParam(params: SearchParamsInput, key: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.trim() ? value.trim() : undefined;
}

export interface ParsedAuditSearch {
  filters: AuditLogFilters;
  cursor: AuditLogCursor | null;
  /** Parameters whose values were not understood and were left out of the search. */
  ignored: string[];
  /** An end date before the start date: left out of the search, kept here to show it back. */
  reversedTo: string | null;
}

/** Reads filters and the page cursor from URL search parameters; never throws. */
export function parseAuditSearch(params: SearchParamsInput): ParsedAuditSearch {
  const filters: AuditLogFilters = {};
  const ignored: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = readSearchParam(params, key);
    if (value === undefined) continue;
    const parsed = auditLogFilterSchema.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
    else ignored.push(key);
  }
  let reversedTo: string | null = null;
  if (filters.from && filters.to && filters.from > filters.to) {
    reversedTo = filters.to;
    delete filters.to;
  }
  const rawCursor = readSearchParam(params, "cursor");
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (rawCursor && !cursor) ignored.push("cursor");
  return { filters, cursor, ignored, reversedTo };
}

/** "<epoch ms>.<id>": opaque to users, short enough for a link. */
export function encodeCursor(cursor: AuditLogCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

/** Audit ids are PostgreSQL bigints; a larger number would fail the query instead of matching nothing. */
const MAX_ID = 2n ** 63n - 1n;

/** A cursor from a link, or null when it is not one this app could have written. */
export function decodeCursor(value: string): AuditLogCursor | null {
  const m = /^(\d{1,15})\.(\d{1,19})$/.exec(value);
  if (!m) return null;
  const createdAt = new Date(Number(m[1]));
  const id = BigInt(m[2]!);
  return Number.isNaN(createdAt.getTime()) || id > MAX_ID ? null : { createdAt, id };
}

/** The filters as URL search parameters (for links: next page, CSV, report). */
export function filtersToSearchParams(
  filters: AuditLogFilters,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}
