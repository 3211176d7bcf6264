/**
 * An error meant for the user: a stable code, a message key in the catalogs, and optional
 * field errors. Anything that is not an AppError is shown as a generic message with the request id.
 */
export type AppErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "locked"
  | "unavailable"
  | "internal";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  locked: 423,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Key in the message catalogs, under "errors". */
    readonly messageKey: string = code,
    readonly fieldErrors?: Record<string, string[]>,
    readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

/**
 * A refusal by a rule of the product (not a typing mistake), audited as a denial by the action
 * path like a missing right; `reason` names the rule in the audit row.
 */
export class DeniedError extends AppError {
  constructor(
    code: AppErrorCode,
    messageKey: string,
    fieldErrors: Record<string, string[]> | undefined,
    readonly reason: string,
  ) {
    super(code, messageKey, fieldErrors);
    this.name = "DeniedError";
  }
}

/** A foreign or missing id: always "not found", so ids cannot be probed. */
export function notFound(): AppError {
  return new AppError("not_found");
}
