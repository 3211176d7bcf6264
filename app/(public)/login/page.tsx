import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { getWebSession } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage() {
  const session = await getWebSession();
  if (session) redirect(session.person ? "/cabinet" : "/register");
  const t = await getTranslations("login");
  return (
    <div className="px-4 py-8 sm:py-16">
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("intro")}</p>
        <LoginForm devHint={process.env.SMS_PROVIDER !== "mobizon"} />
      </Card>
    </div>
  );
}
