import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { CABINET_SHELL_NAMESPACES } from "@/lib/i18n/client-namespaces";

/** The catalog texts a document's client components read (preview, versions, sharing, signing), beside the cabinet's own. */
export default function DocumentLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={[...CABINET_SHELL_NAMESPACES, "documents", "sharing", "signatures", "users"]}>
      {children}
    </ClientMessages>
  );
}
