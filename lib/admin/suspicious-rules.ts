/**
 * The suspicious-activity rules (AUD-5, 003 §7.5) and their thresholds, in one place (documented in
 * docs/audit.md). Each fires when `threshold` events (or distinct addresses) of one subject fall
 * within `windowMs`. Import-free, so pages and client components can name the rules.
 */
export const SUSPICIOUS_RULES = {
  /** One number locked again and again: someone is guessing its codes. */
  repeated_locks: {
    subject: "phone",
    actions: ["auth.locked"],
    threshold: 3,
    windowMs: 24 * 60 * 60_000,
    distinctIps: false,
  },
  /** One person signing in from many addresses in a short time: a shared or stolen account. */
  many_ips: {
    subject: "person",
    actions: ["auth.login"],
    threshold: 4,
    windowMs: 60 * 60_000,
    distinctIps: true,
  },
  /** One person viewing or downloading documents in bulk. */
  mass_downloads: {
    subject: "person",
    actions: ["document.downloaded", "document.viewed"],
    threshold: 30,
    windowMs: 10 * 60_000,
    distinctIps: false,
  },
  /** One address asking for many login codes: numbers being tried or SMS being pumped. */
  code_requests_ip: {
    subject: "ip",
    actions: ["auth.code_sent", "auth.code_refused"],
    threshold: 20,
    windowMs: 60 * 60_000,
    distinctIps: false,
  },
} as const;

export type SuspiciousRule = keyof typeof SUSPICIOUS_RULES;
export const SUSPICIOUS_RULE_NAMES = Object.keys(SUSPICIOUS_RULES) as SuspiciousRule[];

/**
 * Each run looks this far back beyond a rule's window, so runs missed for up to this long (workers
 * down, a deploy) are caught up; events already in a reviewed finding are not raised again.
 */
export const SUSPICIOUS_SCAN_OVERLAP_MS = 60 * 60_000;

/** How often the detection job runs (cron, UTC). */
export const SUSPICIOUS_SCAN_CRON = "*/5 * * * *";
