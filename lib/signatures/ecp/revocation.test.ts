import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { OID } from "./oids";
import { httpRevocationChecker, noRevocationCheck, ocspResponseChecker, revocationCheckerFromEnv } from "./revocation";
import { verifyCms } from "./verify";
import {
  createTestCa,
  issueCertificate,
  makeCrl,
  makeOcspResponse,
  signCms,
  signCmsForTest,
  writeTestCaDir,
} from "@/lib/testing/test-ca";

const IIN = "900101300123";
const data = Buffer.from("версия 3");

const ext = (extnID: string, value: asn1js.BaseBlock) =>
  new pkijs.Extension({ extnID, critical: false, extnValue: value.toBER() });
const caExtensions = [ext(OID.basicConstraints, new pkijs.BasicConstraints({ cA: true }).toSchema())];
const responderExtensions = [
  ext(OID.extKeyUsage, new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ekuOcspSigning })] })),
];

describe("chain and revocation details", () => {
  const root = createTestCa({ algorithm: "RSA" });
  const person = issueCertificate(root, { algorithm: "RSA", iin: IIN });
  const cms = signCms({ data, signer: person });

  it("follows an intermediate CA carried in the CMS up to a trusted root", async () => {
    const intermediate = issueCertificate(root, { algorithm: "RSA", iin: "000000000000", extensions: caExtensions });
    const signer = issueCertificate(intermediate, { algorithm: "RSA", iin: IIN });
    const options = { trustedCertificates: [root.pem], revocation: noRevocationCheck };
    expect(
      await verifyCms(signCms({ data, signer, chain: [intermediate] }), { data, iin: IIN }, options),
    ).toMatchObject({
      ok: true,
    });
    // Without the intermediate, or with a non-CA certificate in its place, there is no chain.
    expect(await verifyCms(signCms({ data, signer }), { data, iin: IIN }, options)).toMatchObject({
      ok: false,
      reason: "untrusted_ca",
    });
    const notCa = issueCertificate(root, { algorithm: "RSA", iin: "000000000000" });
    const byNotCa = issueCertificate(notCa, { algorithm: "RSA", iin: IIN });
    expect(
      await verifyCms(signCms({ data, signer: byNotCa, chain: [notCa] }), { data, iin: IIN }, options),
    ).toMatchObject({ ok: false, reason: "untrusted_ca" });
  });

  it("believes an OCSP responder only when the CA gave it the OCSP-signing purpose", async () => {
    const responder = issueCertificate(root, {
      algorithm: "RSA",
      iin: "000000000001",
      extensions: responderExtensions,
    });
    const plain = issueCertificate(root, { algorithm: "RSA", iin: "000000000002" });
    const check = (response: Buffer) =>
      verifyCms(
        cms,
        { data, iin: IIN },
        { trustedCertificates: [root.pem], revocation: ocspResponseChecker([response]) },
      );
    expect(await check(makeOcspResponse(root, { cert: person, status: "revoked", responder }))).toMatchObject({
      ok: false,
      reason: "revoked",
    });
    expect(await check(makeOcspResponse(root, { cert: person, status: "good", responder: plain }))).toMatchObject({
      ok: false,
      reason: "revocation_unknown",
    });
    // A revocation after the moment asked about leaves the signature standing.
    const later = makeOcspResponse(root, { cert: person, status: "revoked", revokedAt: new Date(Date.now() + 60_000) });
    expect(await check(later)).toMatchObject({ ok: true });
  });

  it("asks an OCSP responder over HTTP and reads its answer; a failure is 'unknown'", async () => {
    const requests: { url: string; init?: RequestInit }[] = [];
    const answer = makeOcspResponse(root, { cert: person, status: "revoked" });
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return new Response(new Uint8Array(answer), { status: 200 });
    }) as unknown as typeof fetch;
    const checker = httpRevocationChecker({ mode: "ocsp", ocspUrl: "http://ocsp.test/", fetch: fakeFetch });
    const result = await verifyCms(cms, { data, iin: IIN }, { trustedCertificates: [root.pem], revocation: checker });
    expect(result).toMatchObject({ ok: false, reason: "revoked" });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe("http://ocsp.test/");
    expect(requests[0]?.init?.method).toBe("POST");
    const body = Buffer.from(requests[0]?.init?.body as Uint8Array);
    const request = new pkijs.OCSPRequest({ schema: asn1js.fromBER(body).result });
    const certId = request.tbsRequest.requestList[0]?.reqCert;
    expect(certId?.hashAlgorithm.algorithmId).toBe(OID.sha256);
    expect(Buffer.from(certId!.serialNumber.valueBlock.valueHexView)).toEqual(
      Buffer.from(person.cert.serialNumber.valueBlock.valueHexView),
    );

    const failing = httpRevocationChecker({
      mode: "ocsp",
      ocspUrl: "http://ocsp.test/",
      fetch: (async () => new Response("busy", { status: 503 })) as unknown as typeof fetch,
    });
    expect(
      await verifyCms(cms, { data, iin: IIN }, { trustedCertificates: [root.pem], revocation: failing }),
    ).toMatchObject({ ok: false, reason: "revocation_unknown" });
  });

  it("reads the revocation mode from the environment: off in development, on in production", () => {
    expect(revocationCheckerFromEnv({ NODE_ENV: "development" })).toBe(noRevocationCheck);
    expect(revocationCheckerFromEnv({ NODE_ENV: "production" })).not.toBe(noRevocationCheck);
    expect(revocationCheckerFromEnv({ NODE_ENV: "production", ECP_REVOCATION: "off" })).toBe(noRevocationCheck);
    expect(revocationCheckerFromEnv({ ECP_REVOCATION: "crl" })).not.toBe(noRevocationCheck);
    expect(() => revocationCheckerFromEnv({ ECP_REVOCATION: "maybe" })).toThrow(/ECP_REVOCATION/);
  });
});

describe("the certificate's own URLs and the trusted folder", () => {
  it("fetches the CRL the certificate names and finds it revoked", async () => {
    const root = createTestCa({ algorithm: "RSA" });
    const person = issueCertificate(root, { algorithm: "RSA", iin: IIN, crlUrl: "http://crl.test/nca.crl" });
    const crl = makeCrl(root, { revoked: [{ cert: person }] });
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(new Uint8Array(crl), { status: 200 });
    }) as unknown as typeof fetch;
    const result = await verifyCms(
      signCms({ data, signer: person }),
      { data, iin: IIN },
      { trustedCertificates: [root.pem], revocation: httpRevocationChecker({ mode: "crl", fetch: fakeFetch }) },
    );
    expect(result).toMatchObject({ ok: false, reason: "revoked" });
    expect(asked).toEqual(["http://crl.test/nca.crl"]);
  });

  it("prefers the OCSP responder the certificate names over the configured one", async () => {
    const root = createTestCa({ algorithm: "RSA" });
    const person = issueCertificate(root, { algorithm: "RSA", iin: IIN, ocspUrl: "http://ocsp.own.test/" });
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(new Uint8Array(makeOcspResponse(root, { cert: person, status: "good" })), { status: 200 });
    }) as unknown as typeof fetch;
    const checker = httpRevocationChecker({ mode: "ocsp", ocspUrl: "http://ocsp.default.test/", fetch: fakeFetch });
    const result = await verifyCms(
      signCms({ data, signer: person }),
      { data, iin: IIN },
      { trustedCertificates: [root.pem], revocation: checker },
    );
    expect(result).toMatchObject({ ok: true });
    expect(asked).toEqual(["http://ocsp.own.test/"]);
  });

  it("trusts the CAs in ECP_TRUSTED_CA_DIR when none are passed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecp-ca-"));
    try {
      writeTestCaDir(dir);
      const { cms } = signCmsForTest({ data, algorithm: "RSA", iin: IIN });
      vi.stubEnv("ECP_TRUSTED_CA_DIR", dir);
      expect(await verifyCms(cms, { data, iin: IIN }, { revocation: noRevocationCheck })).toMatchObject({ ok: true });
      vi.stubEnv("ECP_TRUSTED_CA_DIR", "");
      expect(await verifyCms(cms, { data, iin: IIN }, { revocation: noRevocationCheck })).toMatchObject({
        ok: false,
        reason: "untrusted_ca",
      });
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
