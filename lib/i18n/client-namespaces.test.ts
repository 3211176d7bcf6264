import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";
import {
  CABINET_SHELL_NAMESPACES,
  DESK_SHELL_CLIENT_NAMESPACES,
  OTHER_CLIENT_NAMESPACES,
  PLACE_CLIENT_NAMESPACES,
} from "./client-namespaces";

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

/** The namespaces a layout sends: the names in its `<ClientMessages namespaces={[…]}>`, the shell's when it spreads them. */
function namespacesSent(layout: string): string[] {
  const list = /<ClientMessages namespaces=\{\[([^\]]*)\]\}/.exec(readFileSync(layout, "utf8"))?.[1] ?? "";
  const named = [...list.matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]!);
  return list.includes("...CABINET_SHELL_NAMESPACES") ? [...CABINET_SHELL_NAMESPACES, ...named] : named;
}

describe("catalog texts sent to the browser", () => {
  it("every cabinet page sends the namespaces its client components read: the cabinet's own and its section layouts'", () => {
    const cabinet = path.resolve("app/(cabinet)/cabinet");
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/^(page|loading|error|not-found|layout)\.tsx$/.test(name)) pages.push(full);
      }
    };
    walk(cabinet);
    const missing = pages.flatMap((page) => {
      // The innermost layout between the cabinet's and the page that sends texts decides (a nested
      // provider replaces the outer one); with none, the cabinet layout's shell namespaces.
      const dirs = path.relative(cabinet, path.dirname(page)).split(path.sep).filter(Boolean);
      const provider = dirs
        .map((_, i) => path.join(cabinet, ...dirs.slice(0, i + 1), "layout.tsx"))
        .filter((layout) => existsSync(layout) && namespacesSent(layout).length > 0)
        .at(-1);
      const sent = new Set<string>(provider ? namespacesSent(provider) : CABINET_SHELL_NAMESPACES);
      return clientPathsOf(page)
        .map((ns) => ns.split(".")[0]!)
        .filter((ns) => !sent.has(ns))
        .map((ns) => `${path.relative(process.cwd(), page)}: ${ns}`);
    });
    expect(missing).toEqual([]);
    // The scan follows imports: the library page reaches the uploader, which reads "documents".
    expect(clientPathsOf(path.join(cabinet, "documents/page.tsx"))).toEqual(["documents.upload"]);
  });

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
    for (const ns of [...PLACE_CLIENT_NAMESPACES, ...OTHER_CLIENT_NAMESPACES, ...CABINET_SHELL_NAMESPACES])
      expect(catalog[ns], ns).toBeTruthy();
    expect(PLACE_CLIENT_NAMESPACES).not.toContain("errors");
    expect(PLACE_CLIENT_NAMESPACES).not.toContain("audit");
  });
});

/** The project's files a module imports (through "@/" or a relative path), and theirs, transitively. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const spec = m[1]!;
      const base = spec.startsWith("@/")
        ? path.resolve(spec.slice(2))
        : spec.startsWith(".")
          ? path.resolve(path.dirname(file), spec)
          : null;
      const found = base && [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find(existsSync);
      if (found) visit(found);
    }
  };
  visit(path.resolve(entry));
  return [...seen];
}

/**
 * The catalog parts a client component reads, as dotted paths: useTranslations("ns.part") reads
 * "ns.part", useTranslations("ns") all of "ns", and t("ns.…") under useTranslations() all of "ns".
 */
function pathsRead(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*["'`]([A-Za-z.]+)["'`]/g)) found.add(m[1]!);
  if (/useTranslations\(\s*\)/.test(source))
    for (const m of source.matchAll(/\bt\(\s*["'`]([A-Za-z]+)\./g)) found.add(m[1]!);
  return [...found];
}

/** The fewest catalog parts covering what the client components a module reaches read. */
function clientPathsOf(entry: string): string[] {
  const found = new Set<string>();
  for (const file of reachable(entry)) {
    const source = readFileSync(file, "utf8");
    if (/^["']use client["']/m.test(source)) for (const p of pathsRead(source)) found.add(p);
  }
  const covered = (p: string) => [...found].some((q) => q !== p && p.startsWith(`${q}.`));
  return [...found].filter((p) => !covered(p)).sort();
}

describe("catalog texts sent to the browser at the desk", () => {
  const desk = path.resolve("app/(desk)/desk");
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "page.tsx") pages.push(full);
    }
  };
  walk(desk);

  it("the frame sends only what its own client components read", () => {
    const shell = new Set<string>(DESK_SHELL_CLIENT_NAMESPACES);
    expect(clientPathsOf(path.join(desk, "layout.tsx")).filter((ns) => !shell.has(ns.split(".")[0]!))).toEqual([]);
    expect(readFileSync(path.join(desk, "layout.tsx"), "utf8")).toContain(
      "clientNamespaces={DESK_SHELL_CLIENT_NAMESPACES}",
    );
  });

  it("each page with client components wraps them in the texts they read, and no more", () => {
    expect(pages.length).toBeGreaterThan(4);
    const wrongs = pages.flatMap((page) => {
      const needed = clientPathsOf(page);
      const source = readFileSync(page, "utf8");
      const wrapped = /<ClientMessages namespaces=\{\[([^\]]*)\]\}>/.exec(source);
      const sent = wrapped ? [...wrapped[1]!.matchAll(/"([A-Za-z.]+)"/g)].map((m) => m[1]!).sort() : [];
      // The wrapper encloses all the page returns: it opens right after `return (` and closes last.
      const encloses = !wrapped || /return \(\s*<ClientMessages[\s\S]*<\/ClientMessages>\s*\);\s*\}\s*$/.test(source);
      return JSON.stringify(sent) === JSON.stringify(needed) && encloses
        ? []
        : [
            `${path.relative(process.cwd(), page)}: reads ${needed.join(",") || "none"}, sends ${sent.join(",") || "none"}`,
          ];
    });
    expect(wrongs).toEqual([]);
  });

  it("the scan sees the request forms of the thread and their uploader, and the queue's assignment", () => {
    expect(clientPathsOf(path.join(desk, "requests/[requestId]/page.tsx"))).toEqual(["documents.upload", "requests"]);
    expect(clientPathsOf(path.join(desk, "requests/page.tsx"))).toEqual(["requests.assign"]);
  });
});
