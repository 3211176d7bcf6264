/** Legal texts in addresses are kebab-case (/legal/user-agreement); the database keeps enum names. */
export const LEGAL_SLUGS = {
  USER_AGREEMENT: "user-agreement",
  PRIVACY_POLICY: "privacy-policy",
  PERSONAL_DATA_CONSENT: "personal-data-consent",
} as const;

export type LegalKind = keyof typeof LEGAL_SLUGS;

/** The kind behind an address segment: the slug, or (for old links) the enum name itself. */
export function legalKindFromSegment(segment: string): { kind: LegalKind; canonical: boolean } | null {
  for (const [kind, slug] of Object.entries(LEGAL_SLUGS) as [LegalKind, string][]) {
    if (segment === slug) return { kind, canonical: true };
    if (segment === kind) return { kind, canonical: false };
  }
  return null;
}
