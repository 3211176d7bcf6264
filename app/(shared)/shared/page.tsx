import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { sharedHomeLoader } from "@/lib/sharing/queries";
import { load } from "@/lib/tenancy/request";

/** A counterparty's home: who shared documents with them; the documents arrive with the sharing module. */
export default async function SharedHomePage() {
  const partners = await load(sharedHomeLoader);
  const t = await getTranslations("places");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("sharedTitle")}</h1>
      <ul className="space-y-3">
        {partners.map((p) => (
          <li key={p.id}>
            <Card>
              <p className="font-semibold">{p.name}</p>
              <p className="text-sm text-muted">{t("sharedEmpty")}</p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
