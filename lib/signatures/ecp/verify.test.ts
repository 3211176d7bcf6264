import { createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OID } from "./oids";
import { crlRevocationChecker, noRevocationCheck, ocspResponseChecker } from "./revocation";
import { verifyCms } from "./verify";
import {
  type TestAlgorithm,
  type TestKey,
  createTestCa,
  issueCertificate,
  makeCrl,
  makeOcspResponse,
  signCms,
  signCmsForTest,
  standingTestCa,
} from "@/lib/testing/test-ca";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const IIN = "900101300123";
const BIN = "180240012345";
const data = Buffer.from("Договор № 7, версия 2");
const DAY = 86_400_000;

function flipByteAt(der: Buffer, offset: number): Buffer {
  const copy = Buffer.from(der);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}

/** Offset of the signerInfo's signature value and of the signingTime value inside the DER. */
function offsets(cms: Buffer): { signature: number; signingTime: number } {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result });
  const signed = new pkijs.SignedData({ schema: info.content });
  const signature = Buffer.from(signed.signerInfos[0]!.signature.valueBlock.valueHexView);
  const time = signed.signerInfos[0]!.signedAttrs!.attributes.find((a) => a.type === OID.signingTime)!;
  const timeBytes = Buffer.from((time.values[0] as asn1js.UTCTime).valueBlock.valueHexView);
  return { signature: cms.indexOf(signature) + 10, signingTime: cms.indexOf(timeBytes) + 2 };
}

describe.each<TestAlgorithm>(["RSA", "GOST2015"])("verifyCms with %s", (algorithm) => {
  const ca = standingTestCa(algorithm);
  const trust = { trustedCertificates: [ca.pem], revocation: noRevocationCheck };
  const person = issueCertificate(ca, { algorithm, iin: IIN, bin: BIN, organisation: "ТОО «Ромашка»" });

  it("accepts a detached signature over the data and says who signed", async () => {
    const cms = signCms({ data, signer: person }).toString("base64");
    const result = await verifyCms(cms, { data, iin: IIN, bin: BIN }, trust);
    expect(result).toMatchObject({ ok: true, algorithm, iin: IIN, bin: BIN, organisation: "ТОО «Ромашка»" });
    if (result.ok) {
      expect(result.subjectName).toBe("ТЕСТОВ ТЕСТ ТЕСТОВИЧ");
      expect(result.signingTime).toBeInstanceOf(Date);
      expect(result.certificatePem).toBe(person.pem);
    }
  });

  it("accepts an attached signature and PEM-style armour", async () => {
    const base64 = signCms({ data, signer: person, attached: true }).toString("base64");
    const armoured = `-----BEGIN CMS-----\n${base64.match(/.{1,64}/g)!.join("\n")}\n-----END CMS-----\n`;
    expect(await verifyCms(armoured, { data, iin: IIN }, trust)).toMatchObject({ ok: true, bin: BIN });
    const other = await verifyCms(armoured, { data: Buffer.from("другое"), iin: IIN }, trust);
    expect(other).toMatchObject({ ok: false, reason: "other_data" });
  });

  it("refuses a signature over another version's bytes", async () => {
    const cms = signCms({ data: Buffer.from("версия 1"), signer: person });
    expect(await verifyCms(cms, { data, iin: IIN }, trust)).toMatchObject({ ok: false, reason: "other_data" });
  });

  it("refuses a tampered CMS: a flipped byte in the signature and in the signed attributes", async () => {
    const cms = signCms({ data, signer: person });
    const at = offsets(cms);
    for (const offset of [at.signature, at.signingTime]) {
      expect(await verifyCms(flipByteAt(cms, offset), { data, iin: IIN }, trust)).toMatchObject({
        ok: false,
        reason: "tampered",
      });
    }
  });

  it("refuses expired and not yet valid certificates", async () => {
    const expired = issueCertificate(ca, {
      algorithm,
      iin: IIN,
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const cmsExpired = signCms({ data, signer: expired, signingTime: new Date(Date.now() - 2 * DAY) });
    expect(await verifyCms(cmsExpired, { data, iin: IIN }, trust)).toMatchObject({ ok: false, reason: "expired" });
    // Valid at the claimed moment is not enough when the signing time itself lies outside.
    const future = issueCertificate(ca, { algorithm, iin: IIN, notBefore: new Date(Date.now() + DAY) });
    const cmsFuture = signCms({ data, signer: future });
    expect(await verifyCms(cmsFuture, { data, iin: IIN }, trust)).toMatchObject({ ok: false, reason: "not_yet_valid" });
    // The moment the platform asks about decides: the expired one was fine two days ago.
    expect(await verifyCms(cmsExpired, { data, iin: IIN, at: new Date(Date.now() - 2 * DAY) }, trust)).toMatchObject({
      ok: true,
    });
  });

  it("refuses a certificate from an untrusted CA, even one with the same name", async () => {
    const impostor = createTestCa({ algorithm });
    const stranger = issueCertificate(impostor, { algorithm, iin: IIN });
    const cms = signCms({ data, signer: stranger, chain: [impostor] });
    expect(await verifyCms(cms, { data, iin: IIN }, trust)).toMatchObject({ ok: false, reason: "untrusted_ca" });
    expect(await verifyCms(cms, { data, iin: IIN }, { ...trust, trustedCertificates: [] })).toMatchObject({
      ok: false,
      reason: "untrusted_ca",
    });
  });

  it("refuses an IIN that is not the signer's and a BIN that is not the organisation's", async () => {
    const cms = signCms({ data, signer: person });
    expect(await verifyCms(cms, { data, iin: "900101300124" }, trust)).toMatchObject({
      ok: false,
      reason: "iin_mismatch",
    });
    expect(await verifyCms(cms, { data, iin: IIN, bin: "180240012346" }, trust)).toMatchObject({
      ok: false,
      reason: "bin_mismatch",
    });
    const individual = issueCertificate(ca, { algorithm, iin: IIN });
    const personal = signCms({ data, signer: individual });
    expect(await verifyCms(personal, { data, iin: IIN, bin: BIN }, trust)).toMatchObject({
      ok: false,
      reason: "bin_mismatch",
    });
    expect(await verifyCms(personal, { data, iin: IIN, bin: null }, trust)).toMatchObject({ ok: true, bin: null });
  });

  it("refuses an authentication-only key", async () => {
    const auth = issueCertificate(ca, { algorithm, iin: IIN, purpose: "auth" });
    const cms = signCms({ data, signer: auth });
    expect(await verifyCms(cms, { data, iin: IIN }, trust)).toMatchObject({ ok: false, reason: "not_signing_key" });
  });

  it("refuses a certificate revoked in a stored CRL, and accepts one the CRL does not list", async () => {
    const cms = signCms({ data, signer: person });
    const revokedCrl = makeCrl(ca, { revoked: [{ cert: person }] });
    const cleanCrl = makeCrl(ca, { revoked: [] });
    expect(
      await verifyCms(cms, { data, iin: IIN }, { ...trust, revocation: crlRevocationChecker([revokedCrl]) }),
    ).toMatchObject({ ok: false, reason: "revoked" });
    expect(
      await verifyCms(cms, { data, iin: IIN }, { ...trust, revocation: crlRevocationChecker([cleanCrl]) }),
    ).toMatchObject({ ok: true });
    // A CRL signed by someone else, or a stale one, says nothing.
    const forged = makeCrl(createTestCa({ algorithm }), { revoked: [] });
    const stale = makeCrl(ca, {
      revoked: [],
      thisUpdate: new Date(Date.now() - 3 * DAY),
      nextUpdate: new Date(Date.now() - DAY),
    });
    for (const crl of [forged, stale])
      expect(
        await verifyCms(cms, { data, iin: IIN }, { ...trust, revocation: crlRevocationChecker([crl]) }),
      ).toMatchObject({ ok: false, reason: "revocation_unknown" });
  });

  it("refuses a certificate revoked in a stored OCSP response, and accepts a good answer", async () => {
    const cms = signCms({ data, signer: person });
    const revoked = makeOcspResponse(ca, { cert: person, status: "revoked" });
    const good = makeOcspResponse(ca, { cert: person, status: "good" });
    const unknown = makeOcspResponse(ca, { cert: person, status: "unknown" });
    const forged = makeOcspResponse(createTestCa({ algorithm }), { cert: person, status: "good" });
    const check = (response: Buffer) =>
      verifyCms(cms, { data, iin: IIN }, { ...trust, revocation: ocspResponseChecker([response]) });
    expect(await check(revoked)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await check(good)).toMatchObject({ ok: true });
    expect(await check(unknown)).toMatchObject({ ok: false, reason: "revocation_unknown" });
    expect(await check(forged)).toMatchObject({ ok: false, reason: "revocation_unknown" });
  });
});

describe("verifyCms input", () => {
  it("refuses what is not a CMS", async () => {
    for (const junk of ["", "not base64 at all!", Buffer.from("0\u0001\u0002").toString("base64")])
      expect(await verifyCms(junk, { data, iin: IIN }, { revocation: noRevocationCheck })).toMatchObject({
        ok: false,
        reason: "malformed",
      });
  });

  it("refuses a CMS without the signer's certificate, and a key of another algorithm", async () => {
    const ca = standingTestCa("RSA");
    const options = { trustedCertificates: [ca.pem], revocation: noRevocationCheck };
    const cms = signCms({ data, signer: issueCertificate(ca, { algorithm: "RSA", iin: IIN }) });
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result });
    const signed = new pkijs.SignedData({ schema: info.content });
    signed.certificates = [];
    const bare = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
    expect(await verifyCms(Buffer.from(bare.toSchema().toBER()), { data, iin: IIN }, options)).toMatchObject({
      ok: false,
      reason: "malformed",
    });

    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
    const ecKey: TestKey = {
      algorithm: "RSA",
      spki: new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(spki).result }),
      sign: (bytes) => sign("sha256", bytes, privateKey),
    };
    const ec = issueCertificate(ca, { algorithm: "RSA", iin: IIN, key: ecKey });
    expect(await verifyCms(signCms({ data, signer: ec }), { data, iin: IIN }, options)).toMatchObject({
      ok: false,
      reason: "unsupported_algorithm",
    });
  });

  it("signCmsForTest gives a CMS the standing test CA's PEM verifies", async () => {
    const { cms, caPem } = signCmsForTest({ data, algorithm: "GOST2015", iin: IIN, bin: BIN });
    const result = await verifyCms(
      cms,
      { data, iin: IIN, bin: BIN },
      { trustedCertificates: [caPem], revocation: noRevocationCheck },
    );
    expect(result).toMatchObject({ ok: true, algorithm: "GOST2015" });
  });
});
