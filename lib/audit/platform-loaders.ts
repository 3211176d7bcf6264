import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";
import { listPlatformAuditEvents, parsePlatformAuditSearch, platformAuditCsvStream } from "./platform-search";

const searchInput = z.object({
  search: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.undefined()])),
});

/** The operators' audit search over every chain (AUD-*, OPS-4): filters and one keyset page. */
export const platformAuditLoader = defineLoader({
  name: "admin.audit",
  access: { operator: "platform.audit.view" },
  input: searchInput,
  async load({ input, db }) {
    const parsed = parsePlatformAuditSearch(input.search);
    return { ...parsed, page: await listPlatformAuditEvents(db, parsed.filters, parsed.cursor) };
  },
});

/** A CSV filename naming the period when there is one. */
function filename(filters: { from?: string; to?: string }): string {
  const period = filters.from || filters.to ? `_${filters.from ?? "start"}_${filters.to ?? "now"}` : "";
  return `platform-audit${period}.csv`;
}

/**
 * The CSV of the operators' search: recorded with its filters (on the operator's own chain) before
 * the first byte leaves; anyone else gets "not found", audited.
 */
export const platformAuditCsvLoader = defineLoader({
  name: "admin.auditExport",
  access: { operator: "platform.audit.view" },
  audit: "admin.audit_exported",
  input: z.object({ params: z.instanceof(URLSearchParams), locale: z.string() }),
  async load({ input, db, record }) {
    const { filters, ignored } = parsePlatformAuditSearch(input.params);
    await record({
      action: "admin.audit_exported",
      targetType: "platform",
      targetId: null,
      partnerId: null,
      details: { filters: { ...filters }, ignored },
    });
    return new Response(platformAuditCsvStream(db, filters, input.locale), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename(filters)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
});
