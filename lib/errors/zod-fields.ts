import type { z } from "zod";

/** Message keys (under "errors.fields") that schemas may use directly as their messages. */
export const FIELD_MESSAGE_KEYS = [
  "required",
  "too_short",
  "too_long",
  "invalid",
  "invalid_email",
  "invalid_phone",
  "invalid_contact_phone",
  "invalid_code_format",
  "invalid_tax_id",
  "must_accept",
  "must_confirm_age",
  "invalid_iban",
  "iban_not_kz",
  "invalid_bik",
  "invalid_code",
  "already_member",
  "invitation_pending",
  "invalid_name",
  "invalid_datetime",
  "ends_before_start",
  "window_too_long",
  "announce_after_start",
  "message_required",
  "ends_in_past",
  "overlaps_window",
  "working_day_not_weekend",
  "invalid_time",
  "end_before_start",
] as const;
const known = new Set<string>(FIELD_MESSAGE_KEYS);

/** Maps a zod issue to a catalog key, so every field error can be shown in the user's language. */
export function fieldMessageKey(issue: z.core.$ZodIssue): string {
  if (known.has(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
      return issue.minimum === 1 ? "required" : "too_short";
    case "too_big":
      return "too_long";
    case "invalid_format":
      return issue.format === "email" ? "invalid_email" : "invalid";
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalid";
    default:
      return "invalid";
  }
}

/** Field path → message keys; issues without a path land under "_form". */
export function fieldErrorKeys(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (result[field] ??= []).push(fieldMessageKey(issue));
  }
  return result;
}
