import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { MIGRATION_LOCK_TOML } from "@/lib/db/schema-diff";
import * as sd from "@/lib/db/schema-diff";

(globalThis as any).PRISMA_WASM_PANIC_REGISTRY = { set_message: (m: string) => console.log('PANIC', m) };
console.log('diff len', (await sd.diffMigrationsToSchema()).length);
// reuse private loader via a diff call first (initializes module)
await sd.diffMigrationsToSchema();
const glue: any = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const dir = process.cwd() + "/prisma/migrations";
const list = { baseDir: dir, lockfile: { path: "migration_lock.toml", content: MIGRATION_LOCK_TOML }, shadowDbInitScript: "",
  migrationDirectories: (await readMigrations()).map((m) => ({ path: m.name, migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } } })) };

async function withEngine(url: string, fn: (e: any) => Promise<void>) {
  const f = new PrismaPg({ connectionString: url });
  const a = bindMigrationAwareSqlAdapterFactory({ provider: f.provider, adapterName: f.adapterName, connect: async () => { const x: any = await f.connect(); x.executeScript = async (q: string) => { await x.client.query(q); }; return x; }, connectToShadowDb: () => f.connect() } as any);
  const e = await glue.SchemaEngine.new({ datamodels: undefined }, (l: string) => {}, a);
  try { await fn(e); } finally { e.free(); }
}
const cols = async (url: string) => { const c = new pg.Client(url); await c.connect();
  const r = await c.query(`SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name='_prisma_migrations' ORDER BY ordinal_position`);
  const rows = await c.query(`SELECT migration_name, checksum, applied_steps_count, logs, finished_at IS NOT NULL AS fin FROM _prisma_migrations`);
  await c.end(); return { cols: r.rows, rows: rows.rows }; };

const url = process.env.PGURL!;
const admin = new pg.Client(url); await admin.connect();
for (const n of ["probe_a", "probe_b"]) { await admin.query(`DROP DATABASE IF EXISTS ${n}`); await admin.query(`CREATE DATABASE ${n}`); }
const ua = url.replace(/\/postgres$/, "/probe_a"), ub = url.replace(/\/postgres$/, "/probe_b");
await withEngine(ua, async (e) => console.log("engine apply:", await e.applyMigrations({ migrationsList: list, filters: { externalTables: [], externalEnums: [] } })));
console.log("ours:", await applyMigrations(ub));
const A = await cols(ua), B = await cols(ub);
console.log("columns identical:", JSON.stringify(A.cols) === JSON.stringify(B.cols));
console.log(A.rows, B.rows);
if (JSON.stringify(A.cols) !== JSON.stringify(B.cols)) console.log(A.cols, B.cols);
await withEngine(ub, async (e) => {
  console.log("diagnose on ours:", JSON.stringify(await e.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: { externalTables: [], externalEnums: [] } })));
  console.log("engine apply on ours:", await e.applyMigrations({ migrationsList: list, filters: { externalTables: [], externalEnums: [] } }));
});
console.log("ours on engine db:", await applyMigrations(ua));
for (const n of ["probe_a", "probe_b"]) await admin.query(`DROP DATABASE ${n} WITH (FORCE)`);
await admin.end();
process.exit(0);
