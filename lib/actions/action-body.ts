/**
 * Next.js decodes a server action's body as FormData when it is a form post, and otherwise as a
 * JSON list of arguments, failing with a 500 on anything else (a plain string, an object, text
 * that is not JSON). These checks let such a call be refused with a 400 before it gets there.
 */
export function isFormPost(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "multipart/form-data" || type === "application/x-www-form-urlencoded";
}

/** True when a non-form action body is a JSON list, the only thing Next.js can call an action with. */
export function isActionArgumentList(body: string): boolean {
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}
