import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAppRole, urlUser } from "@/lib/db/roles";
import { login, startIntegrationDatabase, uniquePhone } from "@/lib/testing/integration";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;

beforeAll(async () => {
  env = await startIntegrationDatabase();
  await login(uniquePhone());
});

afterAll(async () => {
  await env?.close();
});

const asApp = (sql: string) => env.prisma.$executeRawUnsafe(sql);
const auditCount = async () =>
  (await env.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_event`))[0]!.n;

describe("the app's database role", () => {
  it("cannot switch the audit triggers off, change, delete or truncate audit rows", async () => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    // Refused by the role's rights, before any trigger runs: the owner's statements would pass these checks.
    await expect(asApp(`ALTER TABLE audit_event DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(asApp(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
    await expect(
      asApp(
        `CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      ),
    ).rejects.toThrow(/must be owner|permission denied/);
    await expect(asApp(`ALTER TABLE person ADD COLUMN x int`)).rejects.toThrow(/must be owner/);
    expect(await auditCount()).toBe(before);
  });

  it("still writes and reads audit rows: a login appends them", async () => {
    const before = await auditCount();
    await login(uniquePhone());
    expect(await auditCount()).toBeGreaterThan(before);
  });

  it("is refused where the owner is allowed, so the refusals come from the role", async () => {
    await env.asOwner(async (owner) => {
      await owner.query("BEGIN");
      await owner.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
      await owner.query("ROLLBACK");
    });
  });

  it("gets its rights on a table a later migration creates", async () => {
    await env.asOwner((owner) => owner.query(`CREATE TABLE later_table (id serial PRIMARY KEY, note text)`));
    await asApp(`INSERT INTO later_table (note) VALUES ('from the app')`);
    expect(await env.prisma.$queryRawUnsafe(`SELECT note FROM later_table`)).toEqual([{ note: "from the app" }]);
    await expect(asApp(`ALTER TABLE later_table ADD COLUMN y int`)).rejects.toThrow(/must be owner/);
  });

  it("is refused grants when it owns a table (it could revoke the refusals)", async () => {
    await env.asOwner(async (owner) => {
      await owner.query("BEGIN");
      try {
        await owner.query(`CREATE TABLE owned_by_app (id int)`);
        await owner.query(`ALTER TABLE owned_by_app OWNER TO ${urlUser(process.env.DATABASE_URL!)}`);
        await expect(grantAppRole(owner, urlUser(process.env.DATABASE_URL!))).rejects.toThrow(
          /owns table owned_by_app/,
        );
      } finally {
        await owner.query("ROLLBACK");
      }
    });
  });
});
