import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { Card } from "@/components/ui/card";
import { getWebSession } from "@/lib/auth/current";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const session = await getWebSession();
  if (!session) redirect("/login");
  if (session.person) redirect("/cabinet");
  const t = await getTranslations("register");
  return (
    <div className="px-4 py-8 sm:py-12">
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("intro", { phone: formatPhone(session.phone) })}</p>
        <RegisterForm />
      </Card>
    </div>
  );
}
