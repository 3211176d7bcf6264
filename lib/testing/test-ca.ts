import {
  type KeyObject,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign as nodeSign,
} from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { gost512GenerateKey, gost512PublicKey, gost512Sign } from "@/lib/signatures/ecp/gost";
import { OID } from "@/lib/signatures/ecp/oids";
import { digest, nameDer, toPem } from "@/lib/signatures/ecp/x509";

/**
 * A certification authority for tests, shaped like the national CA (НУЦ РК): subjects carry
 * serialNumber=IIN…, O=…, OU=BIN…, signing certificates the e-mail-protection EKU and the KZ role
 * OIDs, authentication ones client-auth. Issues RSA and GOST 2015-512 certificates, signs detached
 * and attached CMS, CRLs and OCSP responses. Test code only: its keys are public.
 */

export type TestAlgorithm = "RSA" | "GOST2015";

export interface TestKey {
  algorithm: TestAlgorithm;
  spki: pkijs.PublicKeyInfo;
  sign(data: Uint8Array): Buffer;
}

export interface TestCertificate {
  der: Buffer;
  pem: string;
  cert: pkijs.Certificate;
  key: TestKey;
}

const DAY = 24 * 60 * 60 * 1000;

/** The fixed keys of the standing test CAs, so a server and a test runner agree on them. */
const RSA_CA_PKCS8 =
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCPcpC29kUYg1XOsJ6e9KoIGQXKyCJHjS7p6tK+LRv5Tkefrp1rPf7VU3c3tqdgsxyEav//zciY3F8kVxtOofouOrXwDi7ecW0u4JfND7nCLkgELeYfSMwA8jnX9mnRbNyL9hqD2S2Tp4vmlntjlODPdRl8NQceyDR9srlp9nw+sP7albZFhMznuNJoY35bH92I5v5ZudOsgvKZUtgxyUqXN9629duuFQT3pQMnKDWX4ekvXQ0ynjdmoLViADqGu76sPS7RISKj/F9qEMEHrEECO95gW9INs9pWhtkUeRDxrK7A0PSJsqDK9nc5iVT9cytaCFOJGUMe9f7NgOQKuOnZAgMBAAECggEAM+L7UIrk9FhxPcmqHpIePL6cVzysFZiOayM65npXn4Z+ptZY75Ulq9E8ksT5ZyNygb1YaxVq5Uv1CCaP5JH3dihbbgEbV+/MUAQCNLTm+sOV3hkiH5fL3t2/KYxiu1N2tROohJ+Wek3E73voFt2fsbrIJKLjt/Ev93Wh1p/HUj9V1C0S+LdAZ5dMsyH0icQh01NiCo7JMfy+eVyKEyX2SwRm0DCEI1YfJTkSFAiRLVhFkDj7cMeExrB4Mfrv1sSXHZAMr3TT+r7nmAicaSpRybsJil/SqbXu4+Ghei6hdUUKqHuBExJRrz3YPe9RACe41cc6QPT1ZBDtiGNubRnLNwKBgQDBnaHkZBbBw+FvS2TpnTYPiN5nBBrF3be99EcnrdvbvoUJLtuLvfXfzLELzC3hWVX+dMMyjEbxagR3kCJ/+mcZQb9t8JkcP/21vQn9j6RD9+PFweFD3JnfW2E/swBNfq65FN0OflrIpuehQZdfyB8PlXtPiB9Cm0cCPYoohNiWwwKBgQC9qtBEcMldkQNzOJGI0TGCoLDT4BRYtTz4VIQZ4CLJd9Enlpd7Zp+pOi1xDj4hJL9zm80dtbmLm1mpDmOCy5DmxV61YDnjX5stVFHZ0fg+ZYHesBPVTdZKP8D8FPa5Prq5h+G3suTCkwDGhGz41k8+WMTY2SnAknmYJ08vaf2LMwKBgB1SRwM0mTGs/YYCT/0FHvvJSY0mVPukMUBmLyR2MvabasBSRVNraEIFWMalnEklY12Ox0Tvc4r5+EU3IdJp1JVBnMEEj9t0YXLVdx7cUw8sCmWXkArb7L2jtB2WeTRDPCixXSzlu8/pXujP6yHJR9LvW2ZXAgzvQRi4wySRwc9LAoGAAuNlBIXLKzeYG9sSrEizPlAAIVnaNXedFBMFZ/d30CWY88dhSynG6KbQJlaXL54FpFcNCpTH3I5jESX88fLzo/ABfzWV7BZ6oHgWPwDpjNmy3pdD1g23Y64Q3EXdc/i2kzi0gT2iKixe6Kb/mdJ5pnNnm/3CmwIgA+clV41/pO0CgYEAoX78piXQH62n2w7SIrxmvs0r9lTRsMLTYezHFlOwqQyA5+KKdnFjNTMgH3q22LHCkukKu+uRW4cpAzGGro7/Piq8c6NAtLAYOE+r31jsmGEjbvZrhziy0ZLvEUsfn6kI8dA9ao+D3rOoqrfbgVVkXvYrcN8bQQwEytO7wPYuCMs=";
const GOST_CA_PRIVATE =
  "9fb064345555617f863c66af3adae5745019c101aad529167c2b20b2d2c7b43d78d435604d979077432cf8a8279942f8bd5a248ec27b74c9693251b986d3c34a";

export function newKey(algorithm: TestAlgorithm): TestKey {
  if (algorithm === "RSA") return rsaKey(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey);
  return gostKey(gost512GenerateKey().privateKey);
}

function rsaKey(privateKey: KeyObject): TestKey {
  const spkiDer = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  return {
    algorithm: "RSA",
    spki: new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(spkiDer).result }),
    sign: (data) => nodeSign("sha256", data, privateKey),
  };
}

function gostKey(privateKey: Uint8Array): TestKey {
  return {
    algorithm: "GOST2015",
    spki: new pkijs.PublicKeyInfo({
      algorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.gost2015Key512,
        // As KalkanCrypt writes it: SEQUENCE { paramSet A, Streebog-512 }.
        algorithmParams: new asn1js.Sequence({
          value: [
            new asn1js.ObjectIdentifier({ value: OID.gost2015ParamSetA512 }),
            new asn1js.ObjectIdentifier({ value: OID.gost2015Digest512 }),
          ],
        }),
      }),
      subjectPublicKey: new asn1js.BitString({
        valueHex: new asn1js.OctetString({ valueHex: gost512PublicKey(privateKey) }).toBER(),
      }),
    }),
    sign: (data) => gost512Sign(privateKey, data),
  };
}

/** The signature algorithm a key signs certificates, CRLs and OCSP responses with. */
function signatureAlgorithm(key: TestKey): pkijs.AlgorithmIdentifier {
  return key.algorithm === "RSA"
    ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() })
    : new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015Signature512, algorithmParams: new asn1js.Null() });
}

function digestAlgorithm(key: TestKey): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: key.algorithm === "RSA" ? OID.sha256 : OID.gost2015Digest512 });
}

export interface NameParts {
  commonName: string;
  surname?: string;
  givenName?: string;
  iin?: string;
  organisation?: string;
  bin?: string;
  country?: string;
}

function name(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const entries: [string, string, "printable" | "utf8"][] = [[OID.commonName, parts.commonName, "utf8"]];
  if (parts.surname) entries.push([OID.surname, parts.surname, "utf8"]);
  if (parts.iin) entries.push([OID.serialNumber, `IIN${parts.iin}`, "printable"]);
  entries.push([OID.country, parts.country ?? "KZ", "printable"]);
  if (parts.organisation) entries.push([OID.organisation, parts.organisation, "utf8"]);
  if (parts.bin) entries.push([OID.organisationalUnit, `BIN${parts.bin}`, "printable"]);
  if (parts.givenName) entries.push([OID.givenName, parts.givenName, "utf8"]);
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: entries.map(
      ([type, value, kind]) =>
        new pkijs.AttributeTypeAndValue({
          type,
          value: kind === "printable" ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
        }),
    ),
  });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}

function keyUsageBits(byte: number): asn1js.BitString {
  let unused = 0;
  while (unused < 7 && !(byte & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]), unusedBits: unused });
}

function serial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return new asn1js.Integer({ valueHex: bytes });
}

function time(value: Date): pkijs.Time {
  return new pkijs.Time({
    type: value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime,
    value,
  });
}

interface CertificateFields {
  subject: NameParts;
  key: TestKey;
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
}

function buildCertificate(
  fields: CertificateFields,
  issuer: { subject: pkijs.RelativeDistinguishedNames; key: TestKey },
): TestCertificate {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = serial();
  cert.issuer = issuer.subject;
  cert.subject = name(fields.subject);
  cert.notBefore = time(fields.notBefore);
  cert.notAfter = time(fields.notAfter);
  cert.subjectPublicKeyInfo = fields.key.spki;
  cert.extensions = fields.extensions;
  cert.signature = signatureAlgorithm(issuer.key);
  cert.signatureAlgorithm = signatureAlgorithm(issuer.key);
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER());
  cert.signatureValue = new asn1js.BitString({ valueHex: issuer.key.sign(cert.tbsView) });
  const der = Buffer.from(cert.toSchema(false).toBER());
  const parsed = new pkijs.Certificate({ schema: asn1js.fromBER(der).result });
  return { der, pem: toPem(der), cert: parsed, key: fields.key };
}

export interface CaOptions {
  algorithm: TestAlgorithm;
  commonName?: string;
  key?: TestKey;
  notBefore?: Date;
  notAfter?: Date;
}

/** A self-signed root CA; a fresh key unless one is given. */
export function createTestCa(options: CaOptions): TestCertificate {
  const key = options.key ?? newKey(options.algorithm);
  const subject: NameParts = {
    commonName: options.commonName ?? `ТЕСТОВЫЙ НУЦ (${options.algorithm === "RSA" ? "RSA" : "GOST"})`,
  };
  return buildCertificate(
    {
      subject,
      key,
      notBefore: options.notBefore ?? new Date("2020-01-01T00:00:00Z"),
      notAfter: options.notAfter ?? new Date("2045-01-01T00:00:00Z"),
      extensions: [
        extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true }).toSchema()),
        extension(OID.keyUsage, true, keyUsageBits(0x06)),
      ],
    },
    { subject: name(subject), key },
  );
}

export interface IssueOptions {
  algorithm: TestAlgorithm;
  iin: string;
  bin?: string;
  organisation?: string;
  commonName?: string;
  givenName?: string;
  /** "sign": the signing certificate; "auth": authentication only. Default "sign". */
  purpose?: "sign" | "auth";
  notBefore?: Date;
  notAfter?: Date;
  /** The subject's key (default: a fresh one of \`algorithm\`). */
  key?: TestKey;
  /** Extensions instead of the usual ones (e.g. a CA's or an OCSP responder's). */
  extensions?: pkijs.Extension[];
  /** CRL distribution point and OCSP responder URLs written into the certificate. */
  crlUrl?: string;
  ocspUrl?: string;
}

/** A person's certificate issued by `ca`, shaped like the national CA's. */
export function issueCertificate(ca: TestCertificate, options: IssueOptions): TestCertificate {
  const purpose = options.purpose ?? "sign";
  const role = options.bin ? OID.kzOrganisationEmployee : OID.kzIndividual;
  const now = Date.now();
  return buildCertificate(
    {
      subject: {
        commonName: options.commonName ?? "ТЕСТОВ ТЕСТ",
        surname: (options.commonName ?? "ТЕСТОВ ТЕСТ").split(" ")[0],
        givenName: options.givenName ?? "ТЕСТОВИЧ",
        iin: options.iin,
        organisation: options.bin ? (options.organisation ?? "ТОО «ТЕСТ»") : undefined,
        bin: options.bin,
      },
      key: options.key ?? newKey(options.algorithm),
      notBefore: options.notBefore ?? new Date(now - DAY),
      notAfter: options.notAfter ?? new Date(now + 365 * DAY),
      extensions: [...(options.extensions ?? usualExtensions(purpose, role)), ...urlExtensions(options)],
    },
    { subject: ca.cert.subject, key: ca.key },
  );
}

function urlExtensions(options: IssueOptions): pkijs.Extension[] {
  const uri = (value: string) => new pkijs.GeneralName({ type: 6, value });
  const result: pkijs.Extension[] = [];
  if (options.crlUrl)
    result.push(
      extension(
        OID.crlDistributionPoints,
        false,
        new pkijs.CRLDistributionPoints({
          distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [uri(options.crlUrl)] })],
        }).toSchema(),
      ),
    );
  if (options.ocspUrl)
    result.push(
      extension(
        OID.authorityInfoAccess,
        false,
        new pkijs.InfoAccess({
          accessDescriptions: [
            new pkijs.AccessDescription({ accessMethod: OID.ocspAccess, accessLocation: uri(options.ocspUrl) }),
          ],
        }).toSchema(),
      ),
    );
  return result;
}

function usualExtensions(purpose: "sign" | "auth", role: string): pkijs.Extension[] {
  return [
    extension(OID.basicConstraints, false, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // signing: digitalSignature + nonRepudiation; authentication: digitalSignature + keyEncipherment
    extension(OID.keyUsage, true, keyUsageBits(purpose === "sign" ? 0xc0 : 0xa0)),
    extension(
      OID.extKeyUsage,
      false,
      new asn1js.Sequence({
        value: [purpose === "sign" ? OID.ekuEmailProtection : OID.ekuClientAuth, role].map(
          (value) => new asn1js.ObjectIdentifier({ value }),
        ),
      }),
    ),
  ];
}

export interface CmsOptions {
  data: Uint8Array;
  signer: TestCertificate;
  /** Other certificates to carry (intermediate CAs). */
  chain?: TestCertificate[];
  /** Carry the data inside the CMS (default: detached, as NCALayer signs for the platform). */
  attached?: boolean;
  signingTime?: Date;
}

/** A CMS SignedData (DER) with contentType, signingTime and messageDigest signed attributes. */
export function signCms(options: CmsOptions): Buffer {
  const { signer } = options;
  const hash = digest(signer.key.algorithm === "RSA" ? "sha256" : "streebog512", options.data);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({
      type: OID.signingTime,
      values: [new asn1js.UTCTime({ valueDate: options.signingTime ?? new Date() })],
    }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: hash })] }),
  ];
  // The signature covers the DER of the attributes as a SET (tag 0x31).
  const signedAttributes = new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER();
  const signature = signer.key.sign(new Uint8Array(signedAttributes));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.cert.issuer, serialNumber: signer.cert.serialNumber }),
    digestAlgorithm: digestAlgorithm(signer.key),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm:
      signer.key.algorithm === "RSA"
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015Signature512 }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm(signer.key)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(options.attached ? { eContent: new asn1js.OctetString({ valueHex: options.data }) } : {}),
    }),
    certificates: [signer.cert, ...(options.chain ?? []).map((c) => c.cert)],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}

export interface CrlOptions {
  revoked: { cert: TestCertificate; at?: Date }[];
  thisUpdate?: Date;
  nextUpdate?: Date;
}

/** A CRL of `ca` (DER). */
export function makeCrl(ca: TestCertificate, options: CrlOptions): Buffer {
  const now = Date.now();
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = ca.cert.subject;
  crl.thisUpdate = time(options.thisUpdate ?? new Date(now - DAY));
  crl.nextUpdate = time(options.nextUpdate ?? new Date(now + DAY));
  if (options.revoked.length)
    crl.revokedCertificates = options.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: r.cert.cert.serialNumber,
          revocationDate: time(r.at ?? new Date(now - 60_000)),
        }),
    );
  crl.signature = signatureAlgorithm(ca.key);
  crl.signatureAlgorithm = signatureAlgorithm(ca.key);
  const tbs = (crl as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER();
  crl.tbsView = new Uint8Array(tbs);
  crl.signatureValue = new asn1js.BitString({ valueHex: ca.key.sign(crl.tbsView) });
  return Buffer.from(crl.toSchema(false).toBER());
}

export interface OcspOptions {
  cert: TestCertificate;
  status: "good" | "revoked" | "unknown";
  revokedAt?: Date;
  thisUpdate?: Date;
  nextUpdate?: Date;
  /** Who signs the response: the CA itself by default, or a responder certificate it issued. */
  responder?: TestCertificate;
}

/** An OCSP response (DER) about one certificate of `ca`, with a SHA-256 CertID. */
export function makeOcspResponse(ca: TestCertificate, options: OcspOptions): Buffer {
  const now = Date.now();
  const signer = options.responder ?? ca;
  const certStatus =
    options.status === "revoked"
      ? new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 1 },
          value: [new asn1js.GeneralizedTime({ valueDate: options.revokedAt ?? new Date(now - 60_000) })],
        })
      : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: options.status === "good" ? 0 : 2 } });
  const single = new pkijs.SingleResponse({
    certID: new pkijs.CertID({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      issuerNameHash: new asn1js.OctetString({ valueHex: digest("sha256", nameDer(ca.cert.subject)) }),
      issuerKeyHash: new asn1js.OctetString({
        valueHex: digest("sha256", ca.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
      }),
      serialNumber: options.cert.cert.serialNumber,
    }),
    certStatus,
    thisUpdate: options.thisUpdate ?? new Date(now - 60_000),
    nextUpdate: options.nextUpdate ?? new Date(now + DAY),
  });
  const data = new pkijs.ResponseData({
    responderID: signer.cert.subject,
    producedAt: new Date(now),
    responses: [single],
  });
  data.tbsView = new Uint8Array(data.toSchema(true).toBER());
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: signatureAlgorithm(signer.key),
    signature: new asn1js.BitString({ valueHex: signer.key.sign(data.tbsView) }),
    ...(options.responder ? { certs: [options.responder.cert] } : {}),
  });
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }),
    }),
  });
  return Buffer.from(response.toSchema().toBER());
}

const standing = new Map<TestAlgorithm, TestCertificate>();

/** The standing test CA of an algorithm (fixed key; the same name and key in every process). */
export function standingTestCa(algorithm: TestAlgorithm): TestCertificate {
  let ca = standing.get(algorithm);
  if (!ca) {
    const key =
      algorithm === "RSA"
        ? rsaKey(createPrivateKey({ key: Buffer.from(RSA_CA_PKCS8, "base64"), format: "der", type: "pkcs8" }))
        : gostKey(Buffer.from(GOST_CA_PRIVATE, "hex"));
    ca = createTestCa({ algorithm, key });
    standing.set(algorithm, ca);
  }
  return ca;
}

/** PEM of both standing test CAs: put it in ECP_TRUSTED_CA_DIR for a server under test. */
export function testCaPem(): string {
  return standingTestCa("RSA").pem + standingTestCa("GOST2015").pem;
}

/** Writes both standing test CAs into `dir` (for ECP_TRUSTED_CA_DIR); returns the file's path. */
export function writeTestCaDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "test-ca.pem");
  writeFileSync(file, testCaPem());
  return file;
}

/**
 * A base64 CMS (detached) over `data` by a fresh certificate of the standing test CA, as NCALayer
 * would return it, and the CA's PEM (for the end-to-end NCALayer stand-in).
 */
export function signCmsForTest(input: { data: Uint8Array; algorithm: TestAlgorithm; iin: string; bin?: string }): {
  cms: string;
  caPem: string;
} {
  const ca = standingTestCa(input.algorithm);
  const signer = issueCertificate(ca, { algorithm: input.algorithm, iin: input.iin, bin: input.bin });
  return { cms: signCms({ data: input.data, signer }).toString("base64"), caPem: ca.pem };
}
