import type { PrismaClient } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { auditActionText } from "./action-text";
import { almatyIsoString } from "./almaty-time";
import type { AuditLogCursor, AuditLogFilters } from "./log-filters";
import { listPartnerAuditEvents, type AuditLogRow } from "./log-queries";

export const CSV_BATCH = 1000;
export const BOM = "\uFEFF";

/**
 * One CSV cell. Text a spreadsheet would run as a formula (= + - @, or a leading tab or carriage
 * return) gets a leading apostrophe; anything with a separator, quote or line break is quoted.
 * The semicolon counts as a separator: Excel in ru and kk locales splits CSV on it.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

type T = ReturnType<typeof translator>;

export function csvHeader(t: T): string {
  return csvLine(csvHeaderCells(t));
}

/** The column titles of a log's CSV, for exports that add columns of their own. */
export function csvHeaderCells(t: T): string[] {
  return [
    "time",
    "person",
    "role",
    "actionCode",
    "action",
    "targetType",
    "targetId",
    "targetName",
    "ip",
    "outcome",
  ].map((c) => t(`auditLog.csv.${c}` as never));
}

export function csvRow(row: AuditLogRow, t: T, locale: string): string {
  return csvLine(csvCells(row, t, locale));
}

/** One row's cells, not yet neutralised (csvLine does that). */
export function csvCells(row: AuditLogRow, t: T, locale: string): (string | null)[] {
  const action = auditActionText(locale, row.action);
  const role =
    row.actorRole && t.has(`cabinet.roles.${row.actorRole}` as never)
      ? t(`cabinet.roles.${row.actorRole}` as never)
      : row.actorRole;
  const erased = t("auditLog.erased" as never);
  return [
    almatyIsoString(row.createdAt),
    row.actorName ?? row.actorPhone ?? (row.actorPhoneErased ? erased : null),
    role,
    row.action,
    action,
    row.targetType,
    row.targetErased ? erased : row.targetId,
    row.targetName,
    row.ip,
    t(`auditLog.outcomes.${row.outcome}` as never),
  ];
}

/**
 * The filtered log as a UTF-8 CSV stream with a BOM (so Excel reads Cyrillic). Each pull fetches
 * the next keyset batch, so memory holds one batch however long the log is, and a client that
 * stops reading stops the queries.
 */
export function auditCsvStream(
  db: PrismaClient,
  partnerId: string,
  filters: AuditLogFilters,
  locale: string,
  batch = CSV_BATCH,
): ReadableStream<Uint8Array> {
  const t = translator(locale);
  const encoder = new TextEncoder();
  let cursor: AuditLogCursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvHeader(t)));
        return;
      }
      const page = await listPartnerAuditEvents(db, partnerId, filters, cursor, batch);
      if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map((r) => csvRow(r, t, locale)).join("")));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}

/** The download name, naming the period when there is one. */
export function auditCsvFilename(filters: AuditLogFilters): string {
  const period = filters.from || filters.to ? `_${filters.from ?? "start"}_${filters.to ?? "now"}` : "";
  return `audit-log${period}.csv`;
}
