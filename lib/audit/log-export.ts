import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";
import { auditCsvFilename, auditCsvStream } from "./log-csv";
import { parseAuditSearch } from "./log-filters";

/**
 * The CSV download of a Partner's audit log: the actor comes from the session alone, a missing
 * right answers like a foreign id (404) and is audited, and the export itself is recorded with
 * its filters before the first byte leaves.
 */
export const auditCsvLoader = defineLoader({
  name: "audit.exportCsv",
  access: { member: "audit.view" },
  audit: "audit.exported",
  input: z.object({ params: z.instanceof(URLSearchParams), locale: z.string() }),
  async load({ input, db, actor, record }) {
    const { filters, ignored } = parseAuditSearch(input.params);
    await record({
      action: "audit.exported",
      targetType: "partner",
      targetId: actor.partnerId,
      details: { filters: { ...filters }, ignored },
    });
    return new Response(auditCsvStream(db, actor.partnerId, filters, input.locale), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${auditCsvFilename(filters)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
});
