"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";

/** The legal texts accepted by one button, and the age confirmation (PRV-2), as form fields. */
export function ConsentFields({
  values,
  errors,
  idPrefix = "",
  button,
}: {
  /** The label of the form's submit button: the sentence names the action it accepts by. */
  button: string;
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
          button,
          agreement: (chunks) => docLink("user-agreement", chunks),
          privacy: (chunks) => docLink("privacy-policy", chunks),
          consent: (chunks) => docLink("personal-data-consent", chunks),
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
