/** The typed values of a form, kept so nothing is lost when the server refuses them. */
export function formText(formData: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, String(formData.get(k) ?? "")]));
}

/** What a small form (a few fields, one action) gets back from its server action. */
export interface SmallFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values: Record<string, string>;
  /** Changes on every answer, so the form re-applies the values it gets back. */
  nonce: number;
}
