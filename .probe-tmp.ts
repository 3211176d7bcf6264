import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const require = createRequire(import.meta.url);
const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
console.log(bgPath);
const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const bytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as any });
(bg as any).__wbg_set_wasm(instance.exports);
(instance.exports as any).__wbindgen_start();
console.log("version", (bg as any).version());

const db = await startEmbeddedPostgres({});
const factory = new PrismaPg({ connectionString: db.url });
const scratch = { provider: factory.provider, adapterName: factory.adapterName, connect: () => factory.connect(), connectToShadowDb: () => factory.connect() };
const adapter = bindMigrationAwareSqlAdapterFactory(scratch as any);
const schema = await readFile("prisma/schema.prisma", "utf8");
const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, (log: string) => console.log("LOG", log), adapter);
const res = await engine.diff({
  from: { tag: "migrations", baseDir: process.cwd() + "/prisma/migrations", lockfile: { path: "migration_lock.toml", content: null }, shadowDbInitScript: "", migrationDirectories: [] },
  to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
  script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] },
});
console.log(res.exitCode, res.stdout?.slice(0, 1500));
engine.free();
await db.stop();
