"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DOCUMENT_CATEGORIES, MODULE_ACCESS_LEVELS, RESTRICTABLE_MODULES } from "@/lib/permissions/catalog";

export interface GrantDefaults {
  role: string;
  rights: Record<string, string>;
  categories: string[];
}

/** Role choice and, for RESTRICTED, one none / view / edit radio group per module plus document categories. */
export function RightsMatrix({
  idPrefix,
  defaults,
  errors,
}: {
  idPrefix: string;
  defaults: GrantDefaults;
  errors?: Record<string, string[]>;
}) {
  const t = useTranslations("users");
  const [role, setRole] = useState(defaults.role === "RESTRICTED" ? "RESTRICTED" : "FULL");
  const [documents, setDocuments] = useState(defaults.rights.documents || "none");
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("roleLegend")}</legend>
        {(["FULL", "RESTRICTED"] as const).map((value) => (
          <label key={value} className="flex items-start gap-3 rounded-lg border border-line p-3">
            <input
              type="radio"
              name="role"
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
              className="mt-1 size-4"
            />
            <span>
              <span className="block font-medium">{t(value === "FULL" ? "roleFull" : "roleRestricted")}</span>
              <span className="block text-sm text-muted">
                {t(value === "FULL" ? "roleFullHint" : "roleRestrictedHint")}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {role === "RESTRICTED" ? (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("rightsLegend")}</legend>
          {RESTRICTABLE_MODULES.map((mod) => (
            <fieldset
              key={mod}
              className="flex flex-col gap-2 border-b border-line py-2 sm:flex-row sm:items-center sm:justify-between"
            >
              <legend className="float-left text-sm sm:w-1/3">{t(`modules.${mod}`)}</legend>
              <div className="flex gap-2" role="presentation">
                {MODULE_ACCESS_LEVELS.map((level) => (
                  <label
                    key={level}
                    className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3 text-sm has-checked:border-brand-700 has-checked:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name={`rights.${mod}`}
                      value={level}
                      defaultChecked={(defaults.rights[mod] || "none") === level}
                      onChange={mod === "documents" ? () => setDocuments(level) : undefined}
                      id={`${idPrefix}-${mod}-${level}`}
                    />
                    {t(`access.${level}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          {errors?.rights ? (
            <p className="text-sm font-medium text-danger" role="alert">
              {errors.rights.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {role === "RESTRICTED" && documents !== "none" ? (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("categoriesLegend")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {DOCUMENT_CATEGORIES.map((category) => (
              <label
                key={category}
                className="flex min-h-11 items-center gap-2 rounded-lg border border-line px-3 text-sm"
              >
                <input
                  type="checkbox"
                  name="documentCategories"
                  value={category}
                  defaultChecked={defaults.categories.includes(category)}
                  className="size-4"
                />
                {t(`categories.${category}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
