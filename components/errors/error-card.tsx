"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/**
 * What an error boundary shows: the failure in the visitor's language, the reference the server
 * logged it under, a retry and a way back. Never the error's own text (it may be a stack trace).
 */
export function ErrorCard({
  error,
  reset,
  backHref,
  backLabel,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  backHref: string;
  backLabel: "toHome" | "toCabinet";
}) {
  const t = useTranslations();
  const router = useRouter();
  // A server component failed: fetch it again, then re-render the boundary's children.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  useEffect(() => console.error(error), [error]);
  return (
    <Card className="mx-auto max-w-xl" role="alert">
      <h1 className="text-2xl font-bold">{t("errorPage.title")}</h1>
      <p className="mt-3 text-muted">{t("errorPage.text")}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-muted">{t("errorPage.reference", { id: error.digest })}</p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="button" onClick={retry}>
          {t("errorPage.retry")}
        </Button>
        <Link
          href={backHref}
          className="inline-flex min-h-10 items-center rounded-lg border border-line px-4 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t(`common.${backLabel}`)}
        </Link>
      </div>
    </Card>
  );
}
