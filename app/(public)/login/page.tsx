import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { logoutAction } from "@/app/actions/session";
import { LoginForm } from "@/components/auth/login-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getWebSession } from "@/lib/auth/current";
import { formatPhone } from "@/lib/validation/phone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

/** The catalog namespaces the login form reads (its texts travel in the page). */
const LOGIN_FORM_NAMESPACES = ["common", "errors", "login"] as const;

export default async function LoginPage() {
  const session = await getWebSession();
  if (session?.person) redirect("/cabinet");
  const t = await getTranslations("login");
  if (session) {
    // A verified number that has not registered: finish, or leave and use another number.
    return (
      <div className="px-4 py-8 sm:py-16">
        <Card className="mx-auto max-w-md">
          <h1 className="text-2xl font-bold">{t("pendingTitle")}</h1>
          <p className="mt-2 mb-6 text-sm text-muted">{t("pendingText", { phone: formatPhone(session.phone) })}</p>
          <div className="flex flex-col gap-3">
            <Button asChild size="lg">
              <Link href="/register">{t("continueRegistration")}</Link>
            </Button>
            <form action={logoutAction}>
              <Button type="submit" variant="secondary" size="lg" className="w-full">
                {t("otherNumber")}
              </Button>
            </form>
          </div>
        </Card>
      </div>
    );
  }
  return (
    <div className="px-4 py-8 sm:py-16">
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("intro")}</p>
        <ClientMessages namespaces={LOGIN_FORM_NAMESPACES}>
          <LoginForm devHint={process.env.SMS_PROVIDER !== "mobizon"} />
        </ClientMessages>
      </Card>
    </div>
  );
}
