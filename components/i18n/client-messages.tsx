import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { PLACE_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

export { PLACE_CLIENT_NAMESPACES };

/**
 * Gives the client components below it the catalog texts of the named namespaces only (every
 * namespace when none are named); a name may be a nested one ("documents.upload") for a component
 * that reads just that part. The texts travel in each page's HTML, so public pages and the desk's
 * pages pass just what their few client components read.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces?: readonly string[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  const picked = namespaces ? pick(messages, namespaces) : messages;
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

type Tree = { [key: string]: string | Tree };

/** The parts of the catalog at the given dotted paths, each under its own path. */
function pick(messages: object, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from = messages as Tree | string | undefined;
    let to = out;
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    });
  }
  return out;
}
