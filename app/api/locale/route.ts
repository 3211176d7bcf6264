import { webActionContext } from "@/lib/actions/web";
import { switchLocale } from "@/lib/i18n/locale-switch";

export const dynamic = "force-dynamic";

/** The language switcher's plain form, from any page, App Router or not (lib/i18n/locale-switch.ts). */
export async function POST(request: Request): Promise<Response> {
  return switchLocale(request, webActionContext);
}
