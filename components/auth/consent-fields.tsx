"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";

/** The legal texts accepted by one button, and the age confirmation (PRV-2), as form fields. */
export function ConsentFields({
  values,
  errors,
  idPrefix = "",
}: {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  idPrefix?: string;
}) {
  const t = useTranslations("register");
  const docLink = (kind: string, text: ReactNode) => (
    <Link href={`/legal/${kind}`} target="_blank" className="font-medium text-brand-700 underline">
      {text}
    </Link>
  );
  return (
    <>
      <p className="text-sm">
        {t.rich("consentText", {
          agreement: (chunks) => docLink("USER_AGREEMENT", chunks),
          privacy: (chunks) => docLink("PRIVACY_POLICY", chunks),
          consent: (chunks) => docLink("PERSONAL_DATA_CONSENT", chunks),
        })}
      </p>
      {(["accept", "adult"] as const).map((field) => {
        const errorId = `${idPrefix}${field}-error`;
        return (
          <div key={field}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3">
              <input
                type="checkbox"
                name={field}
                defaultChecked={values[field] === "on"}
                aria-invalid={errors[field]?.length ? true : undefined}
                aria-describedby={errors[field]?.length ? errorId : undefined}
                className="size-5 accent-brand-700"
              />
              <span>{t(field === "accept" ? "acceptLabel" : "adultLabel")}</span>
            </label>
            {errors[field]?.length ? (
              <p id={errorId} role="alert" className="text-sm font-medium text-danger">
                {errors[field].join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
