import { z } from "zod";

export const RESPONSIBILITIES = ["ACCOUNTING", "LEGAL", "HR", "GENERAL"] as const;

/** Search of a list of Partners: by name or by the start of a BIN/IIN; an unknown cursor starts from the top. */
export const partnerSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((q) => q || undefined),
  cursor: z.string().max(1024).optional(),
});

export const assignStaffSchema = z
  .object({
    partnerId: z.uuid(),
    staffMemberId: z.uuid(),
    responsibility: z.enum(RESPONSIBILITIES),
  })
  .strict();

export const unassignStaffSchema = z.object({ assignmentId: z.uuid() }).strict();

/** The filter of a Partner search: the name contains the words, or the BIN/IIN starts with the digits. */
export function partnerSearchFilter(q: string | undefined) {
  if (!q) return {};
  const digits = q.replace(/\s+/g, "");
  return /^\d{1,12}$/.test(digits)
    ? { taxId: { startsWith: digits } }
    : { name: { contains: q, mode: "insensitive" as const } };
}

/** Keyset after the last row of a list sorted by name, then id. */
export function afterNameAndId(key: string[] | null) {
  if (!key) return {};
  const [name, id] = key as [string, string];
  return { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] };
}
