/**
 * The top-level catalog namespaces that client components of the signed-in places (cabinet, desk,
 * shared documents) read. Only these travel in those pages' HTML: the rest of the catalogs (errors,
 * audit texts, notifications, tariffs, the landing…) are read on the server. The back office takes
 * every namespace. lib/i18n/client-namespaces.test.ts keeps the list complete.
 */
export const PLACE_CLIENT_NAMESPACES = [
  "common",
  "errorPage",
  "cabinet",
  "desk",
  "places",
  "users",
  "profile",
  "company",
  "register",
  "demoConvert",
  "auditLog",
  "documents",
  "requests",
  "sharing",
  "signatures",
] as const;

/** Namespaces only public pages' or the back office's client components read (they bring their own). */
export const OTHER_CLIENT_NAMESPACES = ["login", "errors", "admin", "maintenance"] as const;
