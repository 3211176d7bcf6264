/** Login limits (AUTH-3, AUTH-4, AUTH-5), in one place. */
export const LIMITS = {
  maxWrongCodes: 3,
  lockMs: 15 * 60_000,
  resendAfterMs: 60_000,
  codesPerPhonePerHour: 5,
  codesPerIpPerHour: 30,
  verifiesPerIpPerHour: 300,
  sessionIdleMs: 60 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  sessionTouchMs: 60_000,
} as const;
