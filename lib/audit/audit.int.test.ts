import { execFile } from "node:child_process";
import { prismaSql } from "@/lib/db/sql";
import { openDetails, personSubject, phoneSubject, readSubjectKeys } from "./personal-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { logout } from "@/lib/auth/actions/logout";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";
import {
  addMember,
  contextFor,
  login,
  registerPartner,
  startIntegrationDatabase,
  uniquePhone,
} from "@/lib/testing/integration";
import { verifyAuditChains } from "./verify";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const actions = (where: object) =>
  env.prisma.auditEvent
    .findMany({ where, orderBy: { id: "asc" } })
    .then((rows) => rows.map((r) => `${r.action}:${r.outcome}`));

describe("audit (AUD-1..3)", () => {
  it("records every auth event of a login, registration and logout", async () => {
    const { phone, token, personId, partnerId } = await registerPartner();
    expect(await actions({ chainKey: phoneSubject(phone) })).toEqual(["auth.code_sent:SUCCESS", "auth.login:SUCCESS"]);
    await logout.run({}, await contextFor(token));
    expect(await actions({ partnerId })).toEqual([
      "auth.consent_accepted:SUCCESS",
      "auth.registered:SUCCESS",
      "auth.logout:SUCCESS",
    ]);
    const logoutRow = await env.prisma.auditEvent.findFirstOrThrow({ where: { partnerId, action: "auth.logout" } });
    expect(logoutRow).toMatchObject({ actorPersonId: personId, actorRole: "PRIMARY", userAgent: "integration-test" });
  });

  it("records before and after values of a change", async () => {
    const { token, personId } = await registerPartner();
    const result = await updatePersonalData.run(
      { name: "Новое Имя", email: "new@example.kz" },
      await contextFor(token),
    );
    expect(result.ok).toBe(true);
    const row = await env.prisma.auditEvent.findFirstOrThrow({
      where: { actorPersonId: personId, action: "person.profile_updated" },
    });
    // Sealed under the person's key: never in clear in the row, readable while the key exists.
    expect(JSON.stringify(row.details)).not.toMatch(/Новое Имя|new@example/);
    const keys = await readSubjectKeys(prismaSql(env.prisma), [personSubject(personId)]);
    expect(openDetails(row.details, keys)).toEqual({
      before: { name: "Тест Тестов", email: "test@example.kz" },
      after: { name: "Новое Имя", email: "new@example.kz" },
    });
  });

  it("leaves neither the change nor its audit row when the transaction rolls back", async () => {
    const { token, personId } = await registerPartner();
    const failing = defineAction({
      name: "test.failAfterWrite",
      input: z.object({}),
      access: "self",
      audit: "person.profile_updated",
      async handler({ tx, actor }) {
        await tx.person.update({ where: { id: actor.personId }, data: { name: "Half-written" } });
        throw new Error("boom");
      },
    });
    const before = await env.prisma.auditEvent.count();
    const result = await failing.run({}, await contextFor(token));
    expect(result).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(await env.prisma.auditEvent.count()).toBe(before);
    expect((await env.prisma.person.findUniqueOrThrow({ where: { id: personId } })).name).toBe("Тест Тестов");
  });

  it("records denied attempts: a missing right and a request without a session", async () => {
    const { partnerId } = await registerPartner();
    const restricted = await addMember(partnerId, "RESTRICTED", { profile: "view" });
    const needsProfileEdit = defineAction({
      name: "test.editProfile",
      input: z.object({}),
      access: { member: "profile.edit" },
      audit: "person.profile_updated",
      handler: async () => ({ data: null }),
    });
    expect(await needsProfileEdit.run({}, await contextFor(restricted.token))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const denied = await env.prisma.auditEvent.findFirstOrThrow({ where: { partnerId, outcome: "DENIED" } });
    expect(denied).toMatchObject({
      action: "person.profile_updated",
      actorPersonId: restricted.personId,
      actorRole: "RESTRICTED",
      details: { action: "test.editProfile", reason: "missing_right" },
    });

    const before = await env.prisma.auditEvent.count({ where: { outcome: "DENIED", chainKey: "platform" } });
    expect(await needsProfileEdit.run({}, await contextFor(null))).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    expect(await env.prisma.auditEvent.count({ where: { outcome: "DENIED", chainKey: "platform" } })).toBe(before + 1);
  });

  it("refuses UPDATE and DELETE of audit rows in the database itself", async () => {
    await login(uniquePhone());
    // The app's role may not even try (lib/db/roles.int.test.ts); the triggers stop the owner too.
    await env.asOwner(async (owner) => {
      await expect(
        owner.query(`UPDATE audit_event SET action = 'x' WHERE id = (SELECT max(id) FROM audit_event)`),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    });
  });

  it("verifies the chains and names the first edited row (function and npm run audit:verify)", async () => {
    const { partnerId } = await registerPartner();
    await updatePersonalData.run(
      { name: "Ещё Имя", email: "x@example.kz" },
      await contextFor((await registerPartner()).token),
    );
    expect(await verifyAuditChains(env.prisma)).toMatchObject({ ok: true, firstBreak: null });
    // Asynchronous: in embedded mode this very process serves the database the command connects to.
    const cli = () =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile("npx", ["tsx", "scripts/audit-verify.ts"], { env: { ...process.env } }, (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const good = await cli();
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/intact/);

    const target = await env.prisma.auditEvent.findFirstOrThrow({ where: { partnerId }, orderBy: { seq: "asc" } });
    // Tampering needs the tables' owner to switch the trigger off: exactly what the chain must still catch.
    await env.asOwner(async (owner) => {
      await owner.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
      await owner.query(`UPDATE audit_event SET "actorPhone" = '+77000000000' WHERE id = ${target.id}`);
      await owner.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    });

    const result = await verifyAuditChains(env.prisma);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({
      chainKey: `partner:${partnerId}`,
      seq: target.seq,
      eventId: target.id.toString(),
      reason: "hash_mismatch",
    });
    const bad = await cli();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`event id ${target.id}`);
  });
});
