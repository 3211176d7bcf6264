import { randomUUID } from "node:crypto";
import { now } from "@/lib/clock";

/** Segments of lower-case letters, digits and dashes joined by single slashes. */
const KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;
const MAX_KEY_LENGTH = 512;

/**
 * Refuses any key a driver should never see: only `[a-z0-9/-]`, no leading, trailing or doubled
 * slash, so never `..`, never an absolute path, never a name taken from a user's file.
 */
export function assertObjectKey(key: string): void {
  if (typeof key !== "string" || key.length > MAX_KEY_LENGTH || !KEY.test(key))
    throw new Error(`Invalid object key: ${JSON.stringify(String(key).slice(0, 80))}`);
}

/**
 * A fresh key for a document file of `partnerId`: `documents/<partnerId>/<yyyy>/<mm>/<uuid>`
 * (UTC month). Random, never derived from the file's name.
 */
export function newObjectKey(partnerId: string, at: Date = now()): string {
  if (!/^[a-z0-9-]{1,64}$/.test(partnerId)) throw new Error("newObjectKey needs a Partner id");
  const year = String(at.getUTCFullYear()).padStart(4, "0");
  const month = String(at.getUTCMonth() + 1).padStart(2, "0");
  const key = `documents/${partnerId}/${year}/${month}/${randomUUID()}`;
  assertObjectKey(key);
  return key;
}
