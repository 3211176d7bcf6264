import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { CABINET_SHELL_NAMESPACES } from "@/lib/i18n/client-namespaces";

/** The catalog texts this section's client components read, beside the cabinet's own. */
export default function InvitationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={[...CABINET_SHELL_NAMESPACES, "users"]}>{children}</ClientMessages>;
}
