// Starts the app for end-to-end tests on a fresh embedded database in a throw-away folder.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = mkdtempSync(path.join(tmpdir(), "partner-cabinet-e2e-"));
const env = { ...process.env, PARTNER_CABINET_DATA_DIR: dataDir };
delete env.DATABASE_URL;
const child = spawn("npx", ["tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
