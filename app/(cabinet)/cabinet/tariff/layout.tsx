import type { ReactNode } from "react";
import { requireModule } from "@/lib/tenancy/cabinet";

/** Access is checked here, above the loading boundary, so a refusal still answers 404. */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireModule("tariff");
  return children;
}
