// `npm run bench:lighthouse`: builds the app when sources changed, starts the production server the
// way `npm start` does (the embedded database, or DATABASE_URL with fresh secrets), and runs
// Lighthouse 12 in Chromium on the landing, the tariffs and the login page with the mobile and the
// desktop preset (the median of BENCH_RUNS runs each), and sums the gzip sizes of the JavaScript
// files each page loads (its first-load JS; the target is the landing's). Results: stdout and bench-results/lighthouse.json.
// Targets (issue 11): performance ≥ 95 and accessibility 100 everywhere, landing JS < 100 KiB gzip.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { REQUIRED_SECRETS, generateSecret } from "@/lib/env";
import { buildIfNeeded } from "./lib/build";

const PORT = Number(process.env.BENCH_PORT ?? 3235);
const ORIGIN = `http://localhost:${PORT}`;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const PAGES = ["/", "/tariffs", "/login"] as const;
const PRESETS = ["mobile", "desktop"] as const;
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TARGETS = { performance: 95, accessibility: 100, landingJsKiB: 100 };

type Scores = { performance: number; accessibility: number };
type PageResult = Scores & {
  runs: Scores[];
  metrics: Record<string, number>;
  /** Accessibility audits that failed in the median run, with the elements they name. */
  accessibilityFailures: { id: string; title: string; items: string[] }[];
};

async function main(): Promise<void> {
  buildIfNeeded();
  const server = startServer();
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    await waitForServer();
    // The landing against its target; the App Router pages beside it, to show what their runtime costs.
    const pagesJs = [];
    for (const page of PAGES) pagesJs.push(await firstLoadJs(page));
    const landingJs = pagesJs[0]!;
    // Every page once, so the first Lighthouse run does not pay for the server's warm-up.
    for (const page of PAGES) await (await fetch(ORIGIN + page)).arrayBuffer();

    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: CHROME_FLAGS,
    });
    const lighthouseResults: Record<string, Record<string, PageResult>> = {};
    try {
      for (const preset of PRESETS) {
        lighthouseResults[preset] = {};
        for (const page of PAGES) {
          const runs: Awaited<ReturnType<typeof audit>>[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await audit(chrome.port, page, preset));
          runs.sort((a, b) => a.scores.performance - b.scores.performance);
          const median = runs[Math.floor(runs.length / 2)]!;
          lighthouseResults[preset][page] = {
            ...median.scores,
            runs: runs.map((r) => r.scores),
            metrics: median.metrics,
            accessibilityFailures: median.accessibilityFailures,
          };
          console.log(
            `${preset.padEnd(7)} ${page.padEnd(9)} performance ${median.scores.performance}, accessibility ${median.scores.accessibility}` +
              ` (runs: ${runs.map((r) => r.scores.performance).join(", ")})`,
          );
          for (const failure of median.accessibilityFailures)
            console.log(`          ✗ ${failure.id}: ${failure.items.slice(0, 3).join(" | ")}`);
        }
      }
    } finally {
      chrome.kill();
    }

    const met =
      Object.values(lighthouseResults).every((pages) =>
        Object.values(pages).every(
          (r) => r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility,
        ),
      ) && landingJs.totalGzipKiB < TARGETS.landingJsKiB;
    const result = {
      date: new Date().toISOString(),
      lighthouse: (await import("lighthouse/package.json", { with: { type: "json" } })).default.version,
      runsPerPage: RUNS,
      landingFirstLoadJs: landingJs,
      firstLoadJs: pagesJs.map(({ page, totalGzipKiB, htmlGzipKiB, files }) => ({
        page,
        totalGzipKiB,
        htmlGzipKiB,
        files: files.length,
      })),
      scores: lighthouseResults,
      targets: TARGETS,
      met,
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/lighthouse.json", JSON.stringify(result, null, 2));
    for (const js of pagesJs.slice(1))
      console.log(
        `${js.page} first-load JS: ${js.totalGzipKiB} KiB gzip in ${js.files.length} files; HTML ${js.htmlGzipKiB} KiB gzip`,
      );
    console.log(
      `landing first-load JS: ${landingJs.totalGzipKiB} KiB gzip in ${landingJs.files.length} files (${landingJs.totalRawKiB} KiB raw); HTML ${landingJs.htmlGzipKiB} KiB gzip`,
    );
    console.log(met ? "Targets met." : "Targets NOT met.");
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
}

/** `npm start`'s way: the embedded database unless DATABASE_URL names one (then fresh secrets). */
function startServer() {
  const secrets = process.env.DATABASE_URL
    ? Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, process.env[name] ?? generateSecret(name)]))
    : {};
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...secrets,
      PORT: String(PORT),
      NEXTAUTH_URL: ORIGIN,
      WORKERS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${ORIGIN}/api/health/live`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer on ${ORIGIN} within 3 minutes`);
}

/**
 * The JavaScript files a page loads before it is interactive: every `<script src>` and script
 * preload of its HTML (not the `nomodule` polyfills), each fetched and gzipped with zlib (default level, as `next start` serves
 * them). Inline scripts (the RSC payload) are counted in the HTML's size instead.
 */
async function firstLoadJs(page: string) {
  const html = await (await fetch(ORIGIN + page)).text();
  const sources = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    // The legacy polyfills (`nomodule`) are skipped by every browser that runs modules.
    if (/\snomodule\b/i.test(tag)) continue;
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src) sources.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\bas="script"/.test(tag) && !/rel="modulepreload"/.test(tag)) continue;
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (href) sources.add(href);
  }
  const files = [];
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), ORIGIN))).arrayBuffer());
    files.push({ src, rawBytes: body.length, gzipBytes: gzipSync(body).length });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));
  return {
    page,
    totalGzipKiB: kib(files.reduce((sum, f) => sum + f.gzipBytes, 0)),
    totalRawKiB: kib(files.reduce((sum, f) => sum + f.rawBytes, 0)),
    htmlGzipKiB: kib(gzipSync(html).length),
    files: files.map((f) => ({ src: f.src, gzipKiB: kib(f.gzipBytes), rawKiB: kib(f.rawBytes) })),
  };
}

async function audit(port: number, page: string, preset: (typeof PRESETS)[number]) {
  const runner = await lighthouse(
    ORIGIN + page,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!runner) throw new Error(`Lighthouse returned nothing for ${page}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${page}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => {
      const details = a.details as { items?: { node?: { snippet?: string; explanation?: string } }[] } | undefined;
      return {
        id: a.id,
        title: a.title,
        items: (details?.items ?? []).map((item) =>
          `${item.node?.snippet ?? ""} ${item.node?.explanation ?? ""}`.trim(),
        ),
      };
    });
  return {
    scores: { performance: score("performance"), accessibility: score("accessibility") },
    metrics: {
      firstContentfulPaintMs: metric("first-contentful-paint"),
      largestContentfulPaintMs: metric("largest-contentful-paint"),
      totalBlockingTimeMs: metric("total-blocking-time"),
      cumulativeLayoutShift: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
      speedIndexMs: metric("speed-index"),
    },
    accessibilityFailures,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
