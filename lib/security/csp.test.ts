import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)] as const));

describe("contentSecurityPolicy", () => {
  it("lets only the app's own files run as workers (the PDF preview's pdf.js worker)", () => {
    expect(directives(contentSecurityPolicy("n0nce", false)).get("worker-src")).toEqual(["'self'"]);
  });

  it("trusts scripts by this response's nonce, and allows eval only in development", () => {
    const production = directives(contentSecurityPolicy("abc=", false)).get("script-src");
    expect(production).toEqual(["'self'", "'nonce-abc='", "'strict-dynamic'"]);
    expect(directives(contentSecurityPolicy("abc=", true)).get("script-src")).toContain("'unsafe-eval'");
  });
});
