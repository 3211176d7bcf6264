import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { unsubscribeAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isNotificationKind } from "@/lib/notifications/kinds";
import { verifyUnsubscribeToken } from "@/lib/notifications/token";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("unsubscribe.title"), robots: { index: false } };
}

/**
 * The link of every notification e-mail, without login: the token is checked here only to show
 * what it is about; the change is the button's POST, so mail scanners that follow links change nothing.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string; invalid?: string }>;
}) {
  const { token, done } = await searchParams;
  const t = await getTranslations("notifications");
  const kindName = (kind: string) => t(`kindNames.${kind}` as never);
  const check = token ? verifyUnsubscribeToken(token) : null;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <Card className="space-y-4">
        <h1 className="text-xl font-bold">{t("unsubscribe.title")}</h1>
        {done && isNotificationKind(done) ? (
          <p role="status">{t("unsubscribe.done", { kind: kindName(done) })}</p>
        ) : check?.ok ? (
          <form action={unsubscribeAction} className="space-y-4">
            <p>{t("unsubscribe.confirm", { kind: kindName(check.kind) })}</p>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("unsubscribe.button")}</Button>
          </form>
        ) : (
          <>
            <p role="alert">{t("unsubscribe.invalid")}</p>
            <Button asChild variant="secondary">
              <Link href="/login">{t("unsubscribe.login")}</Link>
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
