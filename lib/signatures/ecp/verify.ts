import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID, SIGNING_EKUS } from "./oids";
import { type RevocationChecker, revocationCheckerFromEnv } from "./revocation";
import {
  type Cert,
  DIGEST_BY_OID,
  type KeyAlgorithm,
  digest,
  extendedKeyUsage,
  isCa,
  issuedBy,
  nameDer,
  keyAlgorithm,
  keyUsage,
  nameValue,
  nameValues,
  parseCertificate,
  parseCertificates,
  sameBytes,
  toPem,
  verifyBy,
} from "./x509";

export type { RevocationChecker, RevocationStatus } from "./revocation";
export {
  crlRevocationChecker,
  httpRevocationChecker,
  noRevocationCheck,
  ocspResponseChecker,
  revocationCheckerFromEnv,
} from "./revocation";

export interface EcpExpectation {
  /**
   * The exact bytes that were signed (the document version). A Buffer: the digest depends on the
   * signer's algorithm (SHA-256 or Streebog-512), so a precomputed hash cannot stand in for it.
   */
  data: Buffer;
  /** The signer's IIN as the platform knows it (12 digits). */
  iin: string;
  /** For an organisation's signature: the BIN that must be in the certificate. */
  bin?: string | null;
  /** When the signature counts as made: the certificate must be valid then (default now). */
  at?: Date;
}

export type EcpRefusal =
  | "malformed"
  | "other_data"
  | "tampered"
  | "not_yet_valid"
  | "expired"
  | "untrusted_ca"
  | "not_signing_key"
  | "iin_mismatch"
  | "bin_mismatch"
  | "revoked"
  | "revocation_unknown"
  | "unsupported_algorithm";

export type EcpResult =
  | {
      ok: true;
      algorithm: KeyAlgorithm;
      iin: string;
      bin: string | null;
      subjectName: string;
      organisation: string | null;
      serialNumber: string;
      notBefore: Date;
      notAfter: Date;
      signingTime: Date | null;
      certificatePem: string;
    }
  | { ok: false; reason: EcpRefusal; detail?: string };

export interface VerifyOptions {
  /** Trusted CA certificates (PEM or DER); default: the files in ECP_TRUSTED_CA_DIR. */
  trustedCertificates?: readonly (string | Uint8Array)[];
  /** Default: from ECP_REVOCATION (off in development, OCSP in production). */
  revocation?: RevocationChecker;
  /** Clock of the "now" default for `at` (tests). */
  now?: () => Date;
}

const MAX_CHAIN = 6;

/**
 * Verifies a CMS SignedData (base64, "-----BEGIN CMS-----" armour, or DER; detached or attached)
 * made with ЭЦП over `expect.data`. Never throws for bad input: refusals carry a reason.
 * May call the CA's OCSP/CRL servers (per the revocation checker): not inside a transaction.
 */
export async function verifyCms(
  cms: string | Buffer,
  expect: EcpExpectation,
  options: VerifyOptions = {},
): Promise<EcpResult> {
  try {
    return await check(cms, expect, options);
  } catch (error) {
    // A structure pkijs accepted but that lacks what a signature needs.
    return refuse("malformed", error instanceof Error ? error.message : undefined);
  }
}

async function check(cms: string | Buffer, expect: EcpExpectation, options: VerifyOptions): Promise<EcpResult> {
  const at = expect.at ?? (options.now ?? (() => new Date()))();

  // 1. Parse.
  let signed: pkijs.SignedData;
  try {
    const der = decodeCms(cms);
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1 || asn.offset !== der.length) return refuse("malformed", "not DER");
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) return refuse("malformed", "not SignedData");
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return refuse("malformed", error instanceof Error ? error.message : undefined);
  }
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo || signed.signerInfos.length !== 1) return refuse("malformed", "exactly one signer expected");
  const certificates: Cert[] = (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => ({ der: Buffer.from(c.toSchema().toBER()), cert: c }));

  // 2. The signer's certificate (issuerAndSerialNumber).
  const sid = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber))
    return refuse("malformed", "signer not named by issuer and serial");
  const signer = certificates.find(
    (c) =>
      sameBytes(c.cert.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView) &&
      sameBytes(nameDer(c.cert.issuer), nameDer(sid.issuer)),
  );
  if (!signer) return refuse("malformed", "the signer's certificate is not in the CMS");

  const algorithm = keyAlgorithm(signer.cert);
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const digestName = DIGEST_BY_OID[digestOid];
  if (!algorithm || !digestName)
    return refuse("unsupported_algorithm", `${signer.cert.subjectPublicKeyInfo.algorithm.algorithmId} / ${digestOid}`);
  if ((algorithm === "GOST2015") !== (digestName === "streebog512")) return refuse("unsupported_algorithm", digestOid);

  // 3. The signature over the signed attributes (DER as a SET, tag 0x31), or over the content.
  const content = encapsulated(signed);
  if (content && !content.equals(expect.data)) return refuse("other_data", "the attached content differs");
  const signature = signerInfo.signature.valueBlock.valueHexView;
  const attributes = signerInfo.signedAttrs;
  let signingTime: Date | null = null;
  if (attributes) {
    const signedBytes = new Uint8Array(attributes.encodedValue);
    const valid = verifyBy(signer.cert, signerInfo.signatureAlgorithm.algorithmId, signature, signedBytes, digestOid);
    if (valid === null) return refuse("unsupported_algorithm", signerInfo.signatureAlgorithm.algorithmId);
    if (!valid) return refuse("tampered", "the signature does not match the signed attributes");
    const contentType = attributeValue(attributes, OID.contentType);
    if (
      !(contentType instanceof asn1js.ObjectIdentifier) ||
      contentType.valueBlock.toString() !== signed.encapContentInfo.eContentType
    )
      return refuse("malformed", "contentType attribute");
    const messageDigest = attributeValue(attributes, OID.messageDigest);
    if (!(messageDigest instanceof asn1js.OctetString)) return refuse("malformed", "no messageDigest attribute");
    if (!sameBytes(messageDigest.valueBlock.valueHexView, digest(digestName, expect.data)))
      return refuse("other_data", "the signature is over other bytes");
    const time = attributeValue(attributes, OID.signingTime);
    if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) signingTime = time.toDate();
  } else {
    const valid = verifyBy(signer.cert, signerInfo.signatureAlgorithm.algorithmId, signature, expect.data, digestOid);
    if (valid === null) return refuse("unsupported_algorithm", signerInfo.signatureAlgorithm.algorithmId);
    if (!valid) return refuse("other_data", "the signature is over other bytes (or was altered)");
  }

  // 4. The chain to a trusted CA, each certificate valid at `at` (and at the claimed signing time).
  const trusted = loadTrusted(options.trustedCertificates);
  const chain: Cert[] = [signer];
  for (let current = signer; ;) {
    if (chain.length > MAX_CHAIN) return refuse("untrusted_ca", "chain too long");
    const anchor = trusted.find((t) => issuedBy(current.cert, t.cert));
    if (anchor) {
      chain.push(anchor);
      break;
    }
    if (trusted.some((t) => sameBytes(t.der, current.der)) && current !== signer) break;
    const intermediate = certificates.find(
      (c) => c !== current && !chain.includes(c) && isCa(c.cert) && issuedBy(current.cert, c.cert),
    );
    if (!intermediate) return refuse("untrusted_ca", "no trusted CA issued this certificate");
    chain.push(intermediate);
    current = intermediate;
  }
  for (const link of chain) {
    for (const moment of signingTime ? [at, signingTime] : [at]) {
      if (moment < link.cert.notBefore.value)
        return refuse("not_yet_valid", link === signer ? undefined : "a CA certificate");
      if (moment > link.cert.notAfter.value) return refuse("expired", link === signer ? undefined : "a CA certificate");
    }
  }

  // 5. A signing key, not one for authentication only.
  const usage = keyUsage(signer.cert);
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) return refuse("not_signing_key", "keyUsage");
  const purposes = extendedKeyUsage(signer.cert);
  if (purposes) {
    const signing =
      purposes.includes(OID.ekuEmailProtection) ||
      (!purposes.includes(OID.ekuClientAuth) && purposes.some((p) => SIGNING_EKUS.includes(p)));
    if (!signing) return refuse("not_signing_key", purposes.join(","));
  }

  // 6. Who signed.
  const subject = signer.cert.subject;
  const iin = /^IIN(\d{12})$/.exec(nameValue(subject, OID.serialNumber) ?? "")?.[1] ?? null;
  if (!iin || iin !== expect.iin) return refuse("iin_mismatch");
  const bin =
    nameValues(subject, OID.organisationalUnit)
      .map((ou) => /^BIN(\d{12})$/.exec(ou)?.[1])
      .find((b): b is string => Boolean(b)) ?? null;
  if (expect.bin && bin !== expect.bin) return refuse("bin_mismatch");

  // 7. Revocation of the signer's certificate.
  const checker = options.revocation ?? revocationCheckerFromEnv();
  let status;
  try {
    status = await checker.status(signer, chain[1] ?? signer, at);
  } catch {
    status = "unknown" as const;
  }
  if (status === "revoked") return refuse("revoked");
  if (status !== "good") return refuse("revocation_unknown");

  const commonName = nameValue(subject, OID.commonName) ?? "";
  const givenName = nameValue(subject, OID.givenName);
  return {
    ok: true,
    algorithm,
    iin,
    bin,
    subjectName: [commonName, givenName].filter(Boolean).join(" "),
    organisation: nameValue(subject, OID.organisation),
    serialNumber: Buffer.from(signer.cert.serialNumber.valueBlock.valueHexView).toString("hex"),
    notBefore: signer.cert.notBefore.value,
    notAfter: signer.cert.notAfter.value,
    signingTime,
    certificatePem: toPem(signer.der),
  };
}

function refuse(reason: EcpRefusal, detail?: string): EcpResult {
  return detail ? { ok: false, reason, detail } : { ok: false, reason };
}

/** base64 (with or without "-----BEGIN CMS-----" / PKCS7 armour) or DER. */
export function decodeCms(cms: string | Buffer): Buffer {
  if (Buffer.isBuffer(cms) && cms[0] === 0x30) return cms;
  const text = (Buffer.isBuffer(cms) ? cms.toString("latin1") : cms).replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "");
  const base64 = text.replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(base64)) throw new Error("not base64");
  return Buffer.from(base64, "base64");
}

function encapsulated(signed: pkijs.SignedData): Buffer | null {
  const content = signed.encapContentInfo.eContent;
  if (!content) return null;
  // A constructed OCTET STRING (BER) holds its parts; join them.
  if (content.idBlock.isConstructed) {
    const parts = (content.valueBlock as unknown as { value: asn1js.OctetString[] }).value;
    return Buffer.concat(parts.map((p) => Buffer.from(p.valueBlock.valueHexView)));
  }
  return Buffer.from(content.valueBlock.valueHexView);
}

function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes, type: string): unknown {
  const found = attributes.attributes.filter((a) => a.type === type);
  if (found.length !== 1 || found[0]?.values.length !== 1) return undefined;
  return found[0].values[0];
}

/** The trusted CAs: passed in, or every PEM/DER certificate file in ECP_TRUSTED_CA_DIR. */
export function loadTrusted(given?: readonly (string | Uint8Array)[]): Cert[] {
  if (given) return given.flatMap((c) => (typeof c === "string" ? parseCertificates(c) : [parseCertificate(c)]));
  const dir = process.env.ECP_TRUSTED_CA_DIR?.trim();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((name) => /\.(pem|crt|cer|der)$/i.test(name))
    .flatMap((name) => parseCertificates(readFileSync(join(dir, name))));
}
