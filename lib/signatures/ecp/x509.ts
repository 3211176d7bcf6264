import { createHash, createPublicKey, verify as nodeVerify } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { gost512Verify, streebog512Digest } from "./gost";
import { OID } from "./oids";

export type KeyAlgorithm = "RSA" | "GOST2015";

/** A certificate with the exact bytes it came in. */
export interface Cert {
  der: Buffer;
  cert: pkijs.Certificate;
}

export function parseCertificate(der: Uint8Array): Cert {
  const bytes = Buffer.from(der);
  const asn = asn1js.fromBER(bytes);
  if (asn.offset === -1) throw new Error("certificate is not DER");
  return { der: bytes, cert: new pkijs.Certificate({ schema: asn.result }) };
}

/** PEM or DER, one certificate or several (a PEM bundle). */
export function parseCertificates(input: string | Uint8Array): Cert[] {
  const text = typeof input === "string" ? input : Buffer.from(input).toString("latin1");
  if (text.includes("-----BEGIN CERTIFICATE-----")) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map((block) => parseCertificate(Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ""), "base64")));
  }
  return [parseCertificate(typeof input === "string" ? Buffer.from(input, "base64") : input)];
}

export function toPem(der: Uint8Array, label = "CERTIFICATE"): string {
  const lines =
    Buffer.from(der)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function keyAlgorithm(cert: pkijs.Certificate): KeyAlgorithm | null {
  const oid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === OID.rsaEncryption) return "RSA";
  if (oid === OID.gost2015Key512) {
    const params = cert.subjectPublicKeyInfo.algorithm.algorithmParams;
    // Parameters: SEQUENCE { paramSet OID, digest OID OPTIONAL } or absent.
    if (params instanceof asn1js.Sequence) {
      const set = params.valueBlock.value[0];
      if (!(set instanceof asn1js.ObjectIdentifier) || set.valueBlock.toString() !== OID.gost2015ParamSetA512)
        return null;
    }
    return "GOST2015";
  }
  return null;
}

const RSA_SIGNATURE_HASH: Record<string, string> = {
  [OID.sha256WithRSA]: "sha256",
  [OID.sha384WithRSA]: "sha384",
  [OID.sha512WithRSA]: "sha512",
};

export const DIGEST_BY_OID: Record<string, "sha256" | "sha384" | "sha512" | "streebog512"> = {
  [OID.sha256]: "sha256",
  [OID.sha384]: "sha384",
  [OID.sha512]: "sha512",
  [OID.gost2015Digest512]: "streebog512",
};

/**
 * Verifies `signature` over `data` with the public key of `signer`, for a signature algorithm
 * given either whole (sha256WithRSA, GOST 2015-512) or as rsaEncryption plus a digest.
 * Returns null when the algorithm is not one this verifier accepts.
 */
export function verifyBy(
  signer: pkijs.Certificate,
  signatureAlgorithm: string,
  signature: Uint8Array,
  data: Uint8Array,
  digestAlgorithm?: string,
): boolean | null {
  const key = keyAlgorithm(signer);
  if (key === "RSA") {
    const hash =
      RSA_SIGNATURE_HASH[signatureAlgorithm] ??
      (signatureAlgorithm === OID.rsaEncryption && digestAlgorithm ? DIGEST_BY_OID[digestAlgorithm] : undefined);
    if (!hash || hash === "streebog512") return null;
    if (digestAlgorithm && DIGEST_BY_OID[digestAlgorithm] !== hash) return null;
    try {
      const publicKey = createPublicKey({
        key: Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER()),
        format: "der",
        type: "spki",
      });
      return nodeVerify(hash, data, publicKey, signature);
    } catch {
      return false;
    }
  }
  if (key === "GOST2015") {
    if (signatureAlgorithm !== OID.gost2015Signature512 && signatureAlgorithm !== OID.gost2015Key512) return null;
    if (digestAlgorithm && digestAlgorithm !== OID.gost2015Digest512) return null;
    const publicKey = gostPublicKey(signer);
    return publicKey ? gost512Verify(publicKey, signature, data) : false;
  }
  return null;
}

/** x ‖ y of a GOST key: the BIT STRING holds an OCTET STRING (sometimes the bare 128 bytes). */
function gostPublicKey(cert: pkijs.Certificate): Uint8Array | null {
  const bits = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  if (bits.length === 128) return bits;
  const inner = asn1js.fromBER(bits);
  if (inner.offset === -1 || !(inner.result instanceof asn1js.OctetString)) return null;
  const key = inner.result.valueBlock.valueHexView;
  return key.length === 128 ? key : null;
}

/** Whether `issuer` signed `cert` (names and signature). */
export function issuedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  if (!sameBytes(nameDer(cert.issuer), nameDer(issuer.subject))) return false;
  return (
    verifyBy(issuer, cert.signatureAlgorithm.algorithmId, cert.signatureValue.valueBlock.valueHexView, cert.tbsView) ===
    true
  );
}

export function nameDer(name: pkijs.RelativeDistinguishedNames): Buffer {
  return Buffer.from(name.toSchema().toBER());
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** The first value of an attribute in a name (CN, serialNumber, O, OU…), as text. */
export function nameValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  for (const attribute of name.typesAndValues) {
    if (attribute.type !== oid) continue;
    const value = attribute.value as { valueBlock?: { value?: unknown } };
    if (typeof value.valueBlock?.value === "string") return value.valueBlock.value;
  }
  return null;
}

export function nameValues(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues
    .filter((attribute) => attribute.type === oid)
    .map((attribute) => (attribute.value as { valueBlock?: { value?: unknown } }).valueBlock?.value)
    .filter((value): value is string => typeof value === "string");
}

function extension(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((e) => e.extnID === oid);
}

/** keyUsage bits; null when the certificate has no keyUsage extension. */
export function keyUsage(
  cert: pkijs.Certificate,
): { digitalSignature: boolean; nonRepudiation: boolean; keyCertSign: boolean; crlSign: boolean } | null {
  const ext = extension(cert, OID.keyUsage);
  if (!ext) return null;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return null;
  const bytes = parsed.result.valueBlock.valueHexView;
  const first = bytes[0] ?? 0;
  const bit = (n: number) => (first & (0x80 >> n)) !== 0;
  return { digitalSignature: bit(0), nonRepudiation: bit(1), keyCertSign: bit(5), crlSign: bit(6) };
}

/** extendedKeyUsage purposes; null when absent. */
export function extendedKeyUsage(cert: pkijs.Certificate): string[] | null {
  const ext = extension(cert, OID.extKeyUsage);
  if (!ext) return null;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return [];
  return parsed.result.valueBlock.value
    .filter((v): v is asn1js.ObjectIdentifier => v instanceof asn1js.ObjectIdentifier)
    .map((v) => v.valueBlock.toString());
}

export function isCa(cert: pkijs.Certificate): boolean {
  const ext = extension(cert, OID.basicConstraints);
  if (!ext) return false;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1) return false;
  return new pkijs.BasicConstraints({ schema: parsed.result }).cA === true;
}

/** URLs of a certificate: OCSP responders (AIA) and CRL distribution points. */
export function revocationUrls(cert: pkijs.Certificate): { ocsp: string[]; crl: string[] } {
  const ocsp: string[] = [];
  const crl: string[] = [];
  const aia = extension(cert, OID.authorityInfoAccess);
  if (aia) {
    const parsed = asn1js.fromBER(aia.extnValue.valueBlock.valueHexView);
    if (parsed.offset !== -1) {
      const info = new pkijs.InfoAccess({ schema: parsed.result });
      for (const d of info.accessDescriptions)
        if (d.accessMethod === OID.ocspAccess && d.accessLocation.type === 6) ocsp.push(String(d.accessLocation.value));
    }
  }
  const cdp = extension(cert, OID.crlDistributionPoints);
  if (cdp) {
    const parsed = asn1js.fromBER(cdp.extnValue.valueBlock.valueHexView);
    if (parsed.offset !== -1) {
      const points = new pkijs.CRLDistributionPoints({ schema: parsed.result });
      for (const point of points.distributionPoints) {
        const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
        for (const name of names) if (name.type === 6) crl.push(String(name.value));
      }
    }
  }
  return { ocsp, crl };
}

export function digest(algorithm: "sha1" | "sha256" | "sha384" | "sha512" | "streebog512", data: Uint8Array): Buffer {
  if (algorithm === "streebog512") return streebog512Digest(data);
  return createHash(algorithm).update(data).digest();
}
