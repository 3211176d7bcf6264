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

/**
 * What the desk's frame (header, place switcher) sends: each desk page wraps its content in its own
 * ClientMessages with the namespaces its client components read, so a thread or the queue carries
 * a few kilobytes of texts instead of every place's (lib/i18n/client-namespaces.test.ts checks both).
 */
export const DESK_SHELL_CLIENT_NAMESPACES = ["common", "errorPage", "places"] as const;

/** Namespaces only public pages' or the back office's client components read (they bring their own). */
export const OTHER_CLIENT_NAMESPACES = ["login", "errors", "admin", "maintenance"] as const;

/**
 * What the cabinet's frame reads on the client (the place switcher, the error boundary). The cabinet
 * layout sends only these; each section's layout sends them with its own client components'
 * namespaces, so a page carries the texts it can show and not the whole catalog (the documents
 * list: 8 KB instead of 44 KB). lib/i18n/client-namespaces.test.ts checks every cabinet page.
 */
export const CABINET_SHELL_NAMESPACES = ["common", "errorPage", "places"] as const;
