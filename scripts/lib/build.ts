import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** A production build is needed when there is none or a source file is newer than it. */
export function needsBuild(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const roots = [
    "app",
    "pages",
    "components",
    "lib",
    "i18n",
    "messages",
    "public",
    "next.config.ts",
    "proxy.ts",
    "package.json",
    "package-lock.json",
  ];
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const stat = statSync(p);
    if (stat.isDirectory()) return readdirSync(p).some((name) => name !== "generated" && newer(path.join(p, name)));
    return stat.mtimeMs > builtAt;
  };
  return roots.some((root) => newer(path.resolve(root)));
}

/** Runs `next build` when needed; throws when it fails. */
export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env): void {
  if (!needsBuild()) return;
  console.log("[build] building the app (first start or changed sources)…");
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}
