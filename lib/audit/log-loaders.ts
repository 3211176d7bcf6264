import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";
import { parseAuditSearch, type AuditLogCursor, type AuditLogFilters } from "./log-filters";
import {
  countPartnerAuditEvents,
  findPartnerMember,
  listPartnerAuditEvents,
  listPartnerMembers,
  listPartnerTargetTypes,
  type AuditLogRow,
  type MemberCheck,
} from "./log-queries";

/** The page's search parameters as Next hands them over; parseAuditSearch decides what they mean. */
const searchInput = z.object({
  search: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.undefined()])),
});

/** The Partner's audit log page (AUD-4): filters, the person and object choices, one keyset page. */
export const auditLogLoader = defineLoader({
  name: "audit.log",
  access: { member: "audit.view" },
  input: searchInput,
  async load({ input, db, actor }) {
    const parsed = parseAuditSearch(input.search);
    // The member list the form shows (revoked members too) also answers whether the person filter
    // names a member: no statement of its own.
    const listed = listPartnerMembers(db, actor.partnerId);
    const isMember: MemberCheck = async (personId) => (await listed).some((m) => m.personId === personId);
    const [members, targetTypes, page] = await Promise.all([
      listed,
      listPartnerTargetTypes(db, actor.partnerId),
      listPartnerAuditEvents(db, actor.partnerId, parsed.filters, parsed.cursor, undefined, isMember),
    ]);
    return { ...parsed, members, targetTypes, page };
  },
});

/** More than this goes to the CSV: a printed report of thousands of lines helps nobody. */
export const REPORT_LIMIT = 2000;

/**
 * One person's actions for a period (003 §7.6). A malformed id or a person of another Partner is no
 * person: the page asks again, showing nothing of anyone.
 */
export const auditReportLoader = defineLoader({
  name: "audit.personReport",
  access: { member: "audit.view" },
  input: searchInput,
  async load({ input, db, actor }) {
    const { filters: all, ignored, reversedTo } = parseAuditSearch(input.search);
    const filters = { person: all.person, from: all.from, to: all.to };
    const person = filters.person ? await findPartnerMember(db, actor.partnerId, filters.person) : null;
    if (!person) {
      return {
        filters,
        ignored,
        reversedTo,
        person: null,
        members: await listPartnerMembers(db, actor.partnerId),
        count: 0,
        rows: [],
      };
    }
    // The person was just found among the members: the queries need not ask again.
    const isMember: MemberCheck = async (personId) => personId === person.personId;
    const [count, rows] = await Promise.all([
      countPartnerAuditEvents(db, actor.partnerId, filters, isMember),
      reportRows(db, actor.partnerId, filters, isMember),
    ]);
    return { filters, ignored, reversedTo, person, members: [], count, rows };
  },
});

async function reportRows(
  db: Parameters<typeof listPartnerAuditEvents>[0],
  partnerId: string,
  filters: AuditLogFilters,
  isMember: MemberCheck,
): Promise<AuditLogRow[]> {
  const rows: AuditLogRow[] = [];
  let cursor: AuditLogCursor | null = null;
  do {
    const page = await listPartnerAuditEvents(
      db,
      partnerId,
      filters,
      cursor,
      Math.min(1000, REPORT_LIMIT - rows.length),
      isMember,
    );
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor && rows.length < REPORT_LIMIT);
  return rows;
}

/** The newest entries of the cabinet's log, for the cabinet home. */
export const recentActivityLoader = defineLoader({
  name: "audit.recent",
  access: { member: "audit.view" },
  input: z.object({}),
  async load({ db, actor }) {
    return (await listPartnerAuditEvents(db, actor.partnerId, {}, null, 5)).rows;
  },
});
