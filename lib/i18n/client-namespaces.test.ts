import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";
import { OTHER_CLIENT_NAMESPACES, PLACE_CLIENT_NAMESPACES } from "./client-namespaces";

/** Every client component under app/ and components/, with its source. */
function clientFiles(): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) {
        const source = readFileSync(full, "utf8");
        if (/^["']use client["']/m.test(source)) out.push({ file: full, source });
      }
    }
  };
  walk(path.resolve("app"));
  walk(path.resolve("components"));
  return out;
}

/** The top-level namespaces a client component reads: useTranslations("ns…"), and t("ns.…") under useTranslations(). */
function namespacesRead(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z]+)/g)) found.add(m[1]!);
  if (/useTranslations\(\s*\)/.test(source))
    for (const m of source.matchAll(/\bt\(\s*["'`]([A-Za-z]+)\./g)) found.add(m[1]!);
  return [...found];
}

describe("catalog texts sent to the browser", () => {
  it("the signed-in places send every namespace their client components read (the rest stay on the server)", () => {
    const known = new Set<string>([...PLACE_CLIENT_NAMESPACES, ...OTHER_CLIENT_NAMESPACES]);
    const missing = clientFiles().flatMap(({ file, source }) =>
      namespacesRead(source)
        .filter((ns) => !known.has(ns))
        .map((ns) => `${path.relative(process.cwd(), file)}: ${ns}`),
    );
    expect(missing).toEqual([]);
    // The scan finds what it should: the request forms read "requests", the login form "login".
    const all = clientFiles().flatMap(({ source }) => namespacesRead(source));
    expect(all).toEqual(expect.arrayContaining(["requests", "login", "documents"]));
  });

  it("names only namespaces the catalogs have, and leaves the big server-only ones out", () => {
    const catalog = messagesFor("ru") as Record<string, unknown>;
    for (const ns of [...PLACE_CLIENT_NAMESPACES, ...OTHER_CLIENT_NAMESPACES]) expect(catalog[ns], ns).toBeTruthy();
    expect(PLACE_CLIENT_NAMESPACES).not.toContain("errors");
    expect(PLACE_CLIENT_NAMESPACES).not.toContain("audit");
  });
});
