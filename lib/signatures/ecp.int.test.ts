import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/auth/session";
import { getStorage, newObjectKey, setStorageForTests } from "@/lib/storage";
import { addMember, contextFor, meta, registerPartner, startIntegrationDatabase } from "@/lib/testing/integration";
import { testStorage, type TestStorage } from "@/lib/testing/storage";
import {
  type TestAlgorithm,
  createTestCa,
  issueCertificate,
  makeCrl,
  signCms,
  standingTestCa,
} from "@/lib/testing/test-ca";
import { createRoute } from "./actions/create-route";
import { setEcpVerifyOptionsForTests, signStepEcp } from "./actions/sign-ecp";
import { crlRevocationChecker, noRevocationCheck } from "./ecp/verify";
import { handleSignatureCms, handleStepContent } from "./http";
import { documentRoutesLoader, signatureSheetLoader } from "./queries";

/**
 * ЭЦП signatures on a real database (issue 10, part 5): a CMS over the route's version is accepted
 * (RSA and GOST 2015) and kept with method ECP, the certificate's IIN and BIN; each bad one is refused
 * with its reason, audited, and writes nothing; the CMS and the signed bytes are given only to those
 * who may see them.
 */

const IIN = "900101300126";
const OTHER_IIN = "880202400452";
const DAY = 86_400_000;

let db: Awaited<ReturnType<typeof startIntegrationDatabase>>;
let storage: TestStorage;
let restoreStorage: () => void;
let restoreVerify: () => void;
let a: Awaited<ReturnType<typeof registerPartner>>;
let b: Awaited<ReturnType<typeof registerPartner>>;
let full: Awaited<ReturnType<typeof addMember>>;
let partnerBin = "";
let revocation = noRevocationCheck;

beforeAll(async () => {
  db = await startIntegrationDatabase();
  storage = await testStorage("local");
  restoreStorage = setStorageForTests(storage.store);
  restoreVerify = setEcpVerifyOptionsForTests({
    trustedCertificates: [standingTestCa("RSA").pem, standingTestCa("GOST2015").pem],
    revocation: { status: (cert, issuer, at) => revocation.status(cert, issuer, at) },
  });
  a = await registerPartner();
  b = await registerPartner();
  full = await addMember(a.partnerId, "FULL");
  partnerBin = (await db.prisma.partner.findUniqueOrThrow({ where: { id: a.partnerId } })).taxId;
});
afterAll(async () => {
  restoreVerify();
  restoreStorage();
  await storage.stop();
  await db.close();
});

/** A document of A whose one version holds `bytes` in storage, sent for signature to A's primary user. */
async function routeForPrimary(bytes: Buffer) {
  const key = newObjectKey(a.partnerId);
  await getStorage().put(key, Readable.from([bytes]), { size: bytes.length });
  const document = await db.prisma.document.create({
    data: {
      partnerId: a.partnerId,
      category: "contracts",
      title: "Договор поставки № 12",
      direction: "INTERNAL",
      status: "DRAFT",
      createdById: a.personId,
      versionCount: 1,
    },
  });
  const version = await db.prisma.documentVersion.create({
    data: {
      partnerId: a.partnerId,
      documentId: document.id,
      number: 1,
      storageKey: key,
      originalName: "dogovor.pdf",
      mime: "application/pdf",
      size: BigInt(bytes.length),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedById: a.personId,
    },
  });
  await db.prisma.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
  const created = await createRoute.run(
    {
      documentId: document.id,
      purpose: "SIGNATURE",
      ordering: "SEQUENTIAL",
      signers: [{ kind: "member", personId: a.personId }],
    },
    await contextFor(a.token),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const step = await db.prisma.signatureRouteStep.findFirstOrThrow({
    where: { route: { documentId: document.id } },
    select: { id: true },
  });
  return { documentId: document.id, versionId: version.id, stepId: step.id };
}

async function refusalOf() {
  return db.prisma.auditEvent.findFirst({
    where: { action: "signature.signed", outcome: "DENIED", actorPersonId: a.personId },
    orderBy: { id: "desc" },
    select: { details: true },
  });
}

async function ctxOf(token: string | null) {
  return { session: token ? await resolveSession(token) : null, meta: meta() };
}

describe.each<TestAlgorithm>(["RSA", "GOST2015"])("an ЭЦП signature with %s", (algorithm) => {
  const ca = standingTestCa(algorithm);
  const bytes = Buffer.from(`%PDF-1.4 договор ${algorithm} ${Math.random()}`);
  let target: Awaited<ReturnType<typeof routeForPrimary>>;
  const person = () => issueCertificate(ca, { algorithm, iin: IIN });

  beforeAll(async () => {
    target = await routeForPrimary(bytes);
    revocation = noRevocationCheck;
  });

  const refusals: [string, () => { cms: string; iin?: string }, string][] = [
    [
      "a signature over another version",
      () => ({ cms: b64(signCms({ data: Buffer.from("версия 1"), signer: person() })) }),
      "ecp_other_data",
    ],
    [
      "an expired certificate",
      () => ({
        cms: b64(
          signCms({
            data: bytes,
            signer: issueCertificate(ca, {
              algorithm,
              iin: IIN,
              notBefore: new Date(Date.now() - 400 * DAY),
              notAfter: new Date(Date.now() - DAY),
            }),
            signingTime: new Date(Date.now() - 2 * DAY),
          }),
        ),
      }),
      "ecp_expired",
    ],
    [
      "a certificate from an untrusted CA",
      () => {
        const impostor = createTestCa({ algorithm });
        return {
          cms: b64(
            signCms({ data: bytes, signer: issueCertificate(impostor, { algorithm, iin: IIN }), chain: [impostor] }),
          ),
        };
      },
      "ecp_untrusted_ca",
    ],
    [
      "another person's IIN",
      () => ({ cms: b64(signCms({ data: bytes, signer: issueCertificate(ca, { algorithm, iin: OTHER_IIN }) })) }),
      "ecp_iin_mismatch",
    ],
    [
      "an authentication-only key",
      () => ({
        cms: b64(signCms({ data: bytes, signer: issueCertificate(ca, { algorithm, iin: IIN, purpose: "auth" }) })),
      }),
      "ecp_not_signing_key",
    ],
    [
      "a tampered CMS",
      () => {
        const cms = signCms({ data: bytes, signer: person() });
        cms[cms.length - 5] = (cms[cms.length - 5] ?? 0) ^ 0x01;
        return { cms: b64(cms) };
      },
      "ecp_tampered",
    ],
    [
      "another organisation's BIN",
      () => ({
        cms: b64(
          signCms({
            data: bytes,
            signer: issueCertificate(ca, { algorithm, iin: IIN, bin: "180240012345", organisation: "ТОО «Другое»" }),
          }),
        ),
      }),
      "ecp_bin_mismatch",
    ],
    ["garbage", () => ({ cms: "bm90IGEgY21z" }), "ecp_malformed"],
  ];

  it.each(refusals)("refuses %s with its reason, audits it and writes nothing", async (_name, make, key) => {
    const { cms } = make();
    const result = await signStepEcp.run(
      { stepId: target.stepId, cms, ...(algorithm === "RSA" ? { iin: IIN } : {}) },
      await contextFor(a.token),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.key).toBe(key);
      expect(result.error.message).not.toMatch(/errors\./);
    }
    expect(await db.prisma.signature.count({ where: { stepId: target.stepId } })).toBe(0);
    expect((await db.prisma.signatureRouteStep.findUniqueOrThrow({ where: { id: target.stepId } })).status).toBe(
      "WAITING",
    );
    expect((await refusalOf())?.details).toMatchObject({ reason: key });
  });

  it("refuses a revoked certificate (a stored CRL)", async () => {
    const signer = person();
    revocation = crlRevocationChecker([makeCrl(ca, { revoked: [{ cert: signer }] })]);
    try {
      const result = await signStepEcp.run(
        { stepId: target.stepId, cms: b64(signCms({ data: bytes, signer })), iin: IIN },
        await contextFor(a.token),
      );
      expect(result).toMatchObject({ ok: false, error: { key: "ecp_revoked" } });
      expect(await db.prisma.signature.count({ where: { stepId: target.stepId } })).toBe(0);
    } finally {
      revocation = noRevocationCheck;
    }
  });

  it("accepts a signature over the version by the signer's own signing key, and keeps the CMS", async () => {
    const signer = issueCertificate(ca, { algorithm, iin: IIN, bin: partnerBin, organisation: "ТОО «А»" });
    const cms = signCms({ data: bytes, signer });
    // The first ЭЦП signature confirms the IIN (RSA runs first); the GOST one relies on the stored IIN.
    const result = await signStepEcp.run(
      { stepId: target.stepId, cms: b64(cms), ...(algorithm === "RSA" ? { iin: IIN } : {}) },
      await contextFor(a.token),
    );
    expect(result).toMatchObject({ ok: true, data: { routeStatus: "COMPLETED" } });
    const row = await db.prisma.signature.findUniqueOrThrow({ where: { stepId: target.stepId } });
    expect([row.method, row.iin, row.bin, row.cms]).toEqual(["ECP", IIN, partnerBin, b64(cms)]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: a.personId } })).iin).toBe(IIN);

    // The sheet lists the IIN/BIN and the method; the routes panel offers the CMS.
    const sheet = await signatureSheetLoader.run(
      { documentId: target.documentId, versionId: target.versionId },
      await ctxOf(a.token),
    );
    expect(sheet.ok && sheet.data.signatures.map((s) => [s.method, s.iin, s.bin])).toEqual([["ECP", IIN, partnerBin]]);
    const panel = await documentRoutesLoader.run({ documentId: target.documentId }, await ctxOf(a.token));
    expect(panel.ok && panel.data.routes[0]!.steps[0]!.ecp).toEqual({ signatureId: row.id, iin: IIN, bin: partnerBin });
    expect(panel.ok && panel.data.iinKnown).toBe(true);

    // The CMS downloads for those who see the document, for nobody else.
    const cmsTarget = { documentId: target.documentId, versionId: target.versionId, signatureId: row.id };
    const own = await handleSignatureCms(await ctxOf(a.token), cmsTarget);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(cms);
    expect((await handleSignatureCms(await ctxOf(full.token), cmsTarget)).status).toBe(200);
    expect((await handleSignatureCms(await ctxOf(b.token), cmsTarget)).status).toBe(404);
    expect((await handleSignatureCms(await ctxOf(null), cmsTarget)).status).toBe(401);

    // The signed bytes go to the step's signer only.
    const content = await handleStepContent(await ctxOf(a.token), { stepId: target.stepId });
    expect(Buffer.from(await content.arrayBuffer())).toEqual(bytes);
    expect((await handleStepContent(await ctxOf(full.token), { stepId: target.stepId })).status).toBe(404);
    expect((await handleStepContent(await ctxOf(b.token), { stepId: target.stepId })).status).toBe(404);
  });
});

describe("the IIN on the first ЭЦП signature", () => {
  it("is required, and a second account cannot claim an IIN already confirmed", async () => {
    const bytes = Buffer.from(`%PDF-1.4 ${Math.random()}`);
    const other = await registerPartner();
    const key = newObjectKey(other.partnerId);
    await getStorage().put(key, Readable.from([bytes]), { size: bytes.length });
    const document = await db.prisma.document.create({
      data: {
        partnerId: other.partnerId,
        category: "contracts",
        title: "Договор",
        direction: "INTERNAL",
        status: "DRAFT",
        createdById: other.personId,
        versionCount: 1,
      },
    });
    const version = await db.prisma.documentVersion.create({
      data: {
        partnerId: other.partnerId,
        documentId: document.id,
        number: 1,
        storageKey: key,
        originalName: "d.pdf",
        mime: "application/pdf",
        size: BigInt(bytes.length),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedById: other.personId,
      },
    });
    await db.prisma.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
    const created = await createRoute.run(
      {
        documentId: document.id,
        purpose: "SIGNATURE",
        ordering: "SEQUENTIAL",
        signers: [{ kind: "member", personId: other.personId }],
      },
      await contextFor(other.token),
    );
    expect(created.ok).toBe(true);
    const step = await db.prisma.signatureRouteStep.findFirstOrThrow({ where: { route: { documentId: document.id } } });
    const cms = b64(
      signCms({ data: bytes, signer: issueCertificate(standingTestCa("RSA"), { algorithm: "RSA", iin: IIN }) }),
    );
    const without = await signStepEcp.run({ stepId: step.id, cms }, await contextFor(other.token, "en"));
    expect(without).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    if (!without.ok) expect(without.error.fieldErrors?.iin?.[0]).toMatch(/IIN/);
    // IIN is A's primary user's (confirmed above): another person cannot take it.
    const taken = await signStepEcp.run({ stepId: step.id, cms, iin: IIN }, await contextFor(other.token));
    expect(taken).toMatchObject({ ok: false, error: { key: "ecp_iin_taken" } });
    expect(await db.prisma.signature.count({ where: { stepId: step.id } })).toBe(0);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: other.personId } })).iin).toBeNull();
  });
});

function b64(der: Buffer): string {
  return der.toString("base64");
}
