/**
 * Who gets through while a maintenance window is on (001 §3.11). Pure and import-free: the proxy,
 * the banner and the tests share it.
 */

/** The window as the gate and the banner need it. */
export interface MaintenanceWindowState {
  id: string;
  announceFrom: Date;
  startsAt: Date;
  endsAt: Date;
  messageRu: string | null;
  messageKk: string | null;
  messageEn: string | null;
}

export type MaintenancePhase = "none" | "announced" | "active";

/** Where a window stands at an instant; a cancelled window is never passed in. */
export function phaseAt(window: MaintenanceWindowState | null, at: Date): MaintenancePhase {
  if (!window) return "none";
  const t = at.getTime();
  if (t >= window.endsAt.getTime() || t < window.announceFrom.getTime()) return "none";
  return t >= window.startsAt.getTime() ? "active" : "announced";
}

/**
 * The window that matters at an instant among the not-cancelled ones: a running one first, else
 * the announced one that starts soonest.
 */
export function relevantWindow(
  windows: readonly MaintenanceWindowState[],
  at: Date,
): { window: MaintenanceWindowState; phase: Exclude<MaintenancePhase, "none"> } | null {
  let announced: MaintenanceWindowState | null = null;
  for (const w of windows) {
    const phase = phaseAt(w, at);
    if (phase === "active") return { window: w, phase };
    if (phase === "announced" && (!announced || w.startsAt < announced.startsAt)) announced = w;
  }
  return announced ? { window: announced, phase: "announced" } : null;
}

/**
 * Paths that stay reachable during maintenance, so an operator can log in: the login page and its
 * server actions, next-auth and the API login, health checks, Next's own files and static assets,
 * and the test server's outbox and clock (those answer 404 on any other server).
 */
export function isExemptPath(pathname: string): boolean {
  if (pathname === "/login" || pathname.startsWith("/login/")) return true;
  if (/^\/api\/(auth|v1\/auth)(\/|$)/.test(pathname)) return true;
  if (/^\/api\/health(\/|$)/.test(pathname)) return true;
  if (pathname.startsWith("/api/dev/")) return true;
  if (pathname.startsWith("/_next/")) return true;
  // Files of public/ (favicon.svg, robots.txt, images): a last segment with an extension.
  return !pathname.startsWith("/api/") && /\/[^/]+\.(svg|png|ico|jpe?g|webp|txt|css|js|woff2?|map)$/i.test(pathname);
}

export type GateDecision = { pass: true } | { pass: false; kind: "api" | "page"; retryAfterSeconds: number };

/**
 * The decision for one request: through, unless a window is running, the path is not exempt and
 * the caller is not an operator. `isOperator` is asked only when it matters (it reads the session).
 */
export async function decideMaintenance(input: {
  window: MaintenanceWindowState | null;
  phase: MaintenancePhase;
  at: Date;
  pathname: string;
  isOperator: () => Promise<boolean>;
}): Promise<GateDecision> {
  if (input.phase !== "active" || !input.window) return { pass: true };
  if (isExemptPath(input.pathname)) return { pass: true };
  if (await input.isOperator()) return { pass: true };
  return {
    pass: false,
    kind: input.pathname === "/api" || input.pathname.startsWith("/api/") ? "api" : "page",
    retryAfterSeconds: retryAfterSeconds(input.window, input.at),
  };
}

/** Whole seconds until the window ends, at least 1 (the Retry-After header). */
export function retryAfterSeconds(window: MaintenanceWindowState, at: Date): number {
  return Math.max(1, Math.ceil((window.endsAt.getTime() - at.getTime()) / 1000));
}

/** The window's message in a language, else in another one it was written in (ru, then kk, then en). */
export function maintenanceMessage(window: MaintenanceWindowState, locale: string): string | null {
  const own = locale === "kk" ? window.messageKk : locale === "en" ? window.messageEn : window.messageRu;
  return own ?? window.messageRu ?? window.messageKk ?? window.messageEn ?? null;
}
