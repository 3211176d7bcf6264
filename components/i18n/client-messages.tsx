import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { PLACE_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

export { PLACE_CLIENT_NAMESPACES };

/**
 * Gives the client components below it the catalog texts of the named top-level namespaces only
 * (every namespace when none are named). The texts travel in each page's HTML, so public pages
 * pass just what their few client components read.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces?: readonly string[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  const picked = namespaces ? Object.fromEntries(namespaces.map((name) => [name, messages[name]])) : messages;
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
