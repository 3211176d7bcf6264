import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { CABINET_SHELL_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { requireModule } from "@/lib/tenancy/cabinet";

/**
 * Access is checked here, above the loading boundary, so a refusal still answers 404; the section's
 * client components get the catalog texts they read.
 */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireModule("tariff");
  return <ClientMessages namespaces={[...CABINET_SHELL_NAMESPACES, "users"]}>{children}</ClientMessages>;
}
