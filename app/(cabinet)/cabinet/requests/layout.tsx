import type { ReactNode } from "react";
import { requireModule } from "@/lib/tenancy/cabinet";

/** Access is checked here, above any loading boundary, so a refusal still answers 404. */
export default async function RequestsLayout({ children }: { children: ReactNode }) {
  await requireModule("requests");
  return children;
}
