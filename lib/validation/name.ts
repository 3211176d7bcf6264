import { z } from "zod";

/**
 * Characters that reorder the text around them (LRE…RLO, LRI…PDI, LRM, RLM, ALM): in a name they
 * make a list, an audit row or a CSV cell show something other than what is stored.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/**
 * What leaves no visible trace: format characters (zero-width space and joiners, word joiner,
 * BOM…), separators, controls, lone combining marks, and fillers that Unicode files as letters.
 */
const INVISIBLE = /[\p{Cf}\p{Z}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when a name shows at least one letter or digit and cannot reorder the text around it. */
export function isDisplayableName(value: string): boolean {
  if (BIDI_CONTROLS.test(value)) return false;
  return /[\p{L}\p{N}]/u.test(value.replace(INVISIBLE, ""));
}

/**
 * The one schema for a person's or company's name, wherever it is typed: trimmed, within
 * bounds, and refused ("invalid_name") when made only of invisible characters or carrying
 * bidirectional controls.
 */
export function nameSchema({ min, max }: { min: number; max: number }) {
  return z
    .string()
    .trim()
    .min(min, { error: min === 1 ? "required" : "too_short" })
    .max(max, { error: "too_long" })
    .refine(isDisplayableName, { error: "invalid_name" });
}
