/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next.js
 * reads it from the request's CSP header and stamps its own scripts with it); 'strict-dynamic'
 * lets those scripts load the app's chunks. Development adds 'unsafe-eval', which React's dev
 * build needs for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React style props, Radix positioning) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // NCALayer, the national CA's signing program, listens on the signer's own computer (ЭЦП).
    "connect-src 'self' wss://127.0.0.1:13579",
    // The PDF preview's pdf.js worker, a file of the app's own build.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh nonce for each response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
