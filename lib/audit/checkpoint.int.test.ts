import { execFile } from "node:child_process";
import { createHash, generateKeyPairSync, verify } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";
import { contextFor, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { checkpointMessage, createAuditCheckpoint } from "./checkpoint";
import { auditHash, canonicalJson } from "./hash";
import { verifyPartnerChain } from "./log-queries";
import { verifyAuditChains, verifyChain } from "./verify";

let env: Awaited<ReturnType<typeof startIntegrationDatabase>>;
beforeAll(async () => {
  env = await startIntegrationDatabase();
});
afterAll(async () => {
  await env.close();
});

const cli = (script: string, args: string[] = []) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile("npx", ["tsx", script, ...args], { env: { ...process.env } }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

/** A Partner whose chain holds a few events. */
async function busyPartner() {
  const partner = await registerPartner();
  const ctx = await contextFor(partner.token);
  for (const name of ["Первое Имя", "Второе Имя", "Третье Имя"])
    expect((await updatePersonalData.run({ name, email: "x@example.kz" }, ctx)).ok).toBe(true);
  return { ...partner, chainKey: `partner:${partner.partnerId}` };
}

/** What someone holding the database's credentials can do: switch the trigger off and write. */
async function asDatabaseOwner(
  statements: (run: (sql: string, ...values: unknown[]) => Promise<unknown>) => Promise<void>,
) {
  // The app's own role cannot switch the trigger off (lib/db/roles.int.test.ts): this is the owner's doing.
  await env.asOwner(async (client) => {
    await client.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    try {
      await statements((sql, ...values) => client.query(sql, values));
    } finally {
      await client.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    }
  });
}

const chainRows = (chainKey: string) =>
  env.prisma.auditEvent.findMany({ where: { chainKey }, orderBy: { seq: "asc" } });

describe("signed audit checkpoints", () => {
  it("catches a deleted tail whose head was fixed up, which the chain alone cannot (CLI too)", async () => {
    const { chainKey, partnerId } = await busyPartner();
    await createAuditCheckpoint(env.prisma);
    expect(await verifyAuditChains(env.prisma)).toMatchObject({ ok: true, firstBreak: null, invalidCheckpoints: [] });
    expect(await verifyPartnerChain(env.prisma, partnerId)).toMatchObject({ brokenAt: null });

    const rows = await chainRows(chainKey);
    const kept = rows.at(-3)!;
    await asDatabaseOwner(async (run) => {
      await run(`DELETE FROM audit_event WHERE "chainKey" = $1 AND seq > $2`, chainKey, kept.seq);
      await run(`UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE "chainKey" = $1`, chainKey, kept.seq, kept.hash);
    });

    // The shortened chain is internally consistent: recomputing it finds nothing.
    expect((await verifyChain(env.prisma, chainKey)).firstBreak).toBeNull();
    const result = await verifyAuditChains(env.prisma);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ chainKey, seq: rows.at(-1)!.seq, reason: "deleted_tail" });
    // The audit page's badge says so too.
    expect(await verifyPartnerChain(env.prisma, partnerId)).toMatchObject({ brokenAt: rows.at(-1)!.seq });

    const bad = await cli("scripts/audit-verify.ts");
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stderr).toContain(`chain ${chainKey}`);
    expect(bad.stderr).toContain("deleted tail");
  });

  it("catches an edited row whose chain was re-hashed with the project's own hash function", async () => {
    const { chainKey } = await busyPartner();
    await createAuditCheckpoint(env.prisma);
    expect(await verifyAuditChains(env.prisma, [chainKey])).toMatchObject({ ok: true });

    const rows = await chainRows(chainKey);
    const edited = rows[1]!;
    await asDatabaseOwner(async (run) => {
      let prevHash = rows[0]!.hash;
      for (const row of rows.slice(1)) {
        const next = { ...row, prevHash, actorRole: row.id === edited.id ? "FULL" : row.actorRole };
        const hash = auditHash(next);
        await run(
          `UPDATE audit_event SET "actorRole" = $2, "prevHash" = $3, hash = $4 WHERE id = $1`,
          row.id,
          next.actorRole,
          prevHash,
          hash,
        );
        prevHash = hash;
      }
      await run(`UPDATE audit_chain_head SET hash = $2 WHERE "chainKey" = $1`, chainKey, prevHash);
    });

    expect((await verifyChain(env.prisma, chainKey)).firstBreak).toBeNull();
    const result = await verifyAuditChains(env.prisma, [chainKey]);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ chainKey, seq: rows.at(-1)!.seq, reason: "rewritten" });
  });

  it("keeps checkpoints append-only and exports the latest with a signature that verifies", async () => {
    const { chainKey } = await busyPartner();
    const created = await createAuditCheckpoint(env.prisma);
    await expect(env.prisma.$executeRawUnsafe(`UPDATE audit_checkpoint SET chains = 0`)).rejects.toThrow(/append-only/);
    await expect(env.prisma.$executeRawUnsafe(`DELETE FROM audit_checkpoint_chain`)).rejects.toThrow(/append-only/);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "audit-checkpoint-")), "latest.json");
    const exported = await cli("scripts/audit-checkpoint.ts", ["--export", file]);
    expect(exported.status, exported.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8")) as {
      id: string;
      createdAt: string;
      chains: number;
      digest: string;
      signature: string;
      publicKey: string;
      chainList: { chainKey: string; seq: number; hash: string }[];
    };
    expect(doc.id).toBe(created.id.toString());
    const head = await env.prisma.auditChainHead.findUniqueOrThrow({ where: { chainKey } });
    expect(doc.chainList).toContainEqual({ chainKey, seq: head.seq, hash: head.hash });
    // Checkable with nothing but the file: the digest of the list, then the signature.
    const digest = createHash("sha256");
    for (const c of doc.chainList) digest.update(`${canonicalJson([c.chainKey, c.seq, c.hash])}\n`);
    expect(digest.digest("hex")).toBe(doc.digest);
    const publicKey = { key: Buffer.from(doc.publicKey, "base64"), format: "der", type: "spki" } as const;
    const message = checkpointMessage({ createdAt: new Date(doc.createdAt), chains: doc.chains, digest: doc.digest });
    expect(verify(null, message, publicKey, Buffer.from(doc.signature, "base64"))).toBe(true);
  });

  it("reports a checkpoint signed with another key and keeps checking against the last valid one", async () => {
    const { chainKey } = await busyPartner();
    const valid = await createAuditCheckpoint(env.prisma);
    const forged = await createAuditCheckpoint(env.prisma, generateKeyPairSync("ed25519").privateKey);
    const result = await verifyAuditChains(env.prisma, [chainKey]);
    expect(result.ok).toBe(false);
    expect(result.invalidCheckpoints).toEqual([forged.id.toString()]);
    expect(result.checkpoint?.id).toBe(valid.id.toString());

    const cliResult = await cli("scripts/audit-verify.ts");
    expect(cliResult.status).toBe(1);
    expect(cliResult.stderr).toContain(`checkpoint ${forged.id} INVALID`);
  });
});
