import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/testing";
import { JOB_SCHEMA, createBoss, poolExecutor } from "./boss";

// Roles exist on a server only; the embedded database has a single user.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onServer)("the app's database role needs only ordinary table privileges on the queue", () => {
  let db: { url: string; stop(): Promise<void> };
  let owner: pg.Client;
  let appPool: pg.Pool;
  const role = `app_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    await owner.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${role}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${role}`);
    const url = new URL(db.url);
    url.username = role;
    appPool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  });
  afterAll(async () => {
    await appPool?.end();
    await owner?.end();
    await db?.stop();
    // Roles belong to the server, not the dropped database.
    const server = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await server.connect();
    await server.query(`DROP ROLE IF EXISTS ${role}`);
    await server.end();
  });

  it("starts workers, schedules, sends, runs, fails and maintains jobs without creating anything", async () => {
    const denied = await appPool.query(`CREATE TABLE ${JOB_SCHEMA}.probe (id int)`).then(
      () => false,
      () => true,
    );
    expect(denied).toBe(true);

    const boss = createBoss(poolExecutor(appPool), { schedule: true, supervise: true });
    const errors: Error[] = [];
    boss.on("error", (error: Error) => errors.push(error));
    await boss.start();
    await boss.schedule("sms.send", "0 3 * * *", { to: "+77010000000", text: "nightly" });
    const id = await boss.send("sms.send", { to: "+77010000001", text: "hello" });
    const [job] = await boss.fetch("sms.send");
    expect(job?.id).toBe(id);
    await boss.fail("sms.send", job!.id, new Error("gateway down"));
    await boss.maintain();
    await boss.unschedule("sms.send");
    await boss.stop({ graceful: false, close: false });
    expect(errors).toEqual([]);
  });
});
