/**
 * Server actions are public endpoints: anyone can post any arguments to them, not only the form
 * that React sends. These wrappers hand the action's body a real FormData (an empty one when
 * something else arrived) and the previous state only when it is an object, so a malformed call
 * reaches the action's schema and gets the usual "invalid input" answer instead of a crash.
 */

export type PreviousState<S> = Partial<S> | undefined;

function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

function stateOf<S>(value: unknown): PreviousState<S> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Partial<S>) : undefined;
}

/** A form action used with useActionState: (previous state, form data) → next state. */
export function stateFormAction<S, R = S>(
  body: (form: FormData, previous: PreviousState<S>) => Promise<R>,
): (previous: S, formData: FormData) => Promise<R> {
  return async (previous, formData) => body(formDataOf(formData), stateOf<S>(previous));
}

/** A plain form action: (form data) → result. */
export function formAction<R>(body: (form: FormData) => Promise<R>): (formData: FormData) => Promise<R> {
  return async (formData) => body(formDataOf(formData));
}

/** The next answer counter of a form state, whatever the previous one held. */
export function nextNonce(previous: { nonce?: unknown } | undefined): number {
  const nonce = previous?.nonce;
  return typeof nonce === "number" && Number.isSafeInteger(nonce) ? nonce + 1 : 1;
}
