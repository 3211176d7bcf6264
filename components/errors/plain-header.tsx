"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

/** The header of pages whose own layout failed: the name of the product and a way home. */
export function PlainHeader() {
  const t = useTranslations("common");
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl items-center px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {t("appName")}
        </Link>
      </div>
    </header>
  );
}
