import { randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "./oids";
import {
  type Cert,
  DIGEST_BY_OID,
  digest,
  extendedKeyUsage,
  issuedBy,
  nameDer,
  revocationUrls,
  sameBytes,
  verifyBy,
} from "./x509";

export type RevocationStatus = "good" | "revoked" | "unknown";

/** Says whether `cert` (issued by `issuer`) was revoked at `at`. */
export interface RevocationChecker {
  status(cert: Cert, issuer: Cert, at: Date): Promise<RevocationStatus>;
}

/** No check (the development default): every certificate counts as not revoked. */
export const noRevocationCheck: RevocationChecker = {
  async status() {
    return "good";
  },
};

function bytesOf(input: Uint8Array | string): Buffer {
  if (typeof input !== "string") return Buffer.from(input);
  const pem = input.match(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/);
  return Buffer.from((pem?.[1] ?? input).replace(/\s/g, ""), "base64");
}

function serialOf(value: asn1js.Integer): Buffer {
  return Buffer.from(value.valueBlock.valueHexView);
}

/**
 * Stored CRLs (DER or PEM). A CRL counts only if the certificate's issuer signed it and it is
 * current (thisUpdate ≤ now ≤ nextUpdate); without one the answer is "unknown".
 */
export function crlRevocationChecker(
  crls: readonly (Uint8Array | string)[],
  now: () => Date = () => new Date(),
): RevocationChecker {
  const parsed = crls.flatMap((crl) => {
    const asn = asn1js.fromBER(bytesOf(crl));
    if (asn.offset === -1) return [];
    try {
      return [new pkijs.CertificateRevocationList({ schema: asn.result })];
    } catch {
      return [];
    }
  });
  return {
    async status(cert, issuer, at) {
      return crlStatus(parsed, cert, issuer, at, now());
    },
  };
}

function crlStatus(
  crls: pkijs.CertificateRevocationList[],
  cert: Cert,
  issuer: Cert,
  at: Date,
  now: Date,
): RevocationStatus {
  const serial = serialOf(cert.cert.serialNumber);
  for (const crl of crls) {
    if (!sameBytes(nameDer(crl.issuer), nameDer(issuer.cert.subject))) continue;
    const signed = verifyBy(
      issuer.cert,
      crl.signatureAlgorithm.algorithmId,
      crl.signatureValue.valueBlock.valueHexView,
      crl.tbsView,
    );
    if (signed !== true) continue;
    if (crl.thisUpdate.value > now || (crl.nextUpdate && crl.nextUpdate.value < now)) continue;
    const entry = crl.revokedCertificates?.find((r) => sameBytes(serialOf(r.userCertificate), serial));
    if (entry && entry.revocationDate.value <= at) return "revoked";
    return "good";
  }
  return "unknown";
}

/**
 * Stored OCSP responses (DER). A response counts only if signed by the issuer or by a responder
 * certificate the issuer gave the OCSP-signing purpose, and if it is current.
 */
export function ocspResponseChecker(
  responses: readonly Uint8Array[],
  now: () => Date = () => new Date(),
): RevocationChecker {
  return {
    async status(cert, issuer, at) {
      for (const response of responses) {
        const status = ocspStatus(response, cert, issuer, at, now());
        if (status !== "unknown") return status;
      }
      return "unknown";
    },
  };
}

function ocspStatus(
  bytes: Uint8Array,
  cert: Cert,
  issuer: Cert,
  at: Date,
  now: Date,
  nonce?: Buffer,
): RevocationStatus {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const asn = asn1js.fromBER(bytes);
    if (asn.offset === -1) return "unknown";
    const response = new pkijs.OCSPResponse({ schema: asn.result });
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return "unknown";
    if (response.responseBytes.responseType !== OID.ocspBasic) return "unknown";
    const inner = asn1js.fromBER(response.responseBytes.response.valueBlock.valueHexView);
    if (inner.offset === -1) return "unknown";
    basic = new pkijs.BasicOCSPResponse({ schema: inner.result });
  } catch {
    return "unknown";
  }
  const signers = [
    issuer,
    ...(basic.certs ?? [])
      .map((c) => ({ der: Buffer.from(c.toSchema().toBER()), cert: c }))
      .filter((c) => issuedBy(c.cert, issuer.cert) && (extendedKeyUsage(c.cert) ?? []).includes(OID.ekuOcspSigning)),
  ];
  const tbs = basic.tbsResponseData.tbsView;
  const signed = signers.some(
    (signer) =>
      verifyBy(signer.cert, basic.signatureAlgorithm.algorithmId, basic.signature.valueBlock.valueHexView, tbs) ===
      true,
  );
  if (!signed) return "unknown";
  if (nonce) {
    const ext = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OID.ocspNonce);
    if (ext && !Buffer.from(ext.extnValue.valueBlock.valueHexView).includes(nonce)) return "unknown";
  }
  const serial = serialOf(cert.cert.serialNumber);
  for (const single of basic.tbsResponseData.responses) {
    const id = single.certID;
    const hash =
      DIGEST_BY_OID[id.hashAlgorithm.algorithmId] ?? (id.hashAlgorithm.algorithmId === OID.sha1 ? "sha1" : null);
    if (!hash) continue;
    const hashOf = (data: Uint8Array) => digest(hash, data);
    if (!sameBytes(serialOf(id.serialNumber), serial)) continue;
    if (!sameBytes(id.issuerNameHash.valueBlock.valueHexView, hashOf(nameDer(issuer.cert.subject)))) continue;
    const issuerKey = issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
    if (!sameBytes(id.issuerKeyHash.valueBlock.valueHexView, hashOf(issuerKey))) continue;
    if (single.thisUpdate > now || (single.nextUpdate && single.nextUpdate < now)) return "unknown";
    const tag = (single.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
    if (tag === 0) return "good";
    if (tag === 1) {
      const revokedAt = revocationTime(single.certStatus);
      return revokedAt && revokedAt > at ? "good" : "revoked";
    }
    return "unknown";
  }
  return "unknown";
}

function revocationTime(status: unknown): Date | null {
  const block = status as asn1js.Constructed;
  const first = block.valueBlock?.value?.[0];
  return first instanceof asn1js.GeneralizedTime ? first.toDate() : null;
}

export interface HttpRevocationOptions {
  mode: "ocsp" | "crl";
  /** Responder used when a certificate names none (the national CA: http://ocsp.pki.gov.kz/). */
  ocspUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Asks the CA over HTTP: OCSP (SHA-256 CertID, nonce) or the CRLs named in the certificate.
 * A network call: run it outside database transactions. Errors and timeouts give "unknown".
 */
export function httpRevocationChecker(options: HttpRevocationOptions): RevocationChecker {
  const fetcher = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const get = async (url: string, init?: RequestInit) => {
    const response = await fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
  return {
    async status(cert, issuer, at) {
      try {
        const urls = revocationUrls(cert.cert);
        if (options.mode === "crl") {
          const crls = await Promise.all(urls.crl.map((url) => get(url)));
          return crlRevocationChecker(crls, now).status(cert, issuer, at);
        }
        const url = urls.ocsp[0] ?? options.ocspUrl;
        if (!url) return "unknown";
        const nonce = randomBytes(16);
        const body = ocspRequest(cert, issuer, nonce);
        const answer = await get(url, {
          method: "POST",
          headers: { "content-type": "application/ocsp-request", accept: "application/ocsp-response" },
          body: new Uint8Array(body),
        });
        return ocspStatus(answer, cert, issuer, at, now(), nonce);
      } catch {
        return "unknown";
      }
    },
  };
}

/** DER of an OCSP request for one certificate (SHA-256 CertID, with a nonce). */
export function ocspRequest(cert: Cert, issuer: Cert, nonce: Buffer): Buffer {
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [
    new pkijs.Request({
      reqCert: new pkijs.CertID({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
        issuerNameHash: new asn1js.OctetString({ valueHex: digest("sha256", nameDer(issuer.cert.subject)) }),
        issuerKeyHash: new asn1js.OctetString({
          valueHex: digest("sha256", issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
        }),
        serialNumber: cert.cert.serialNumber,
      }),
    }),
  ];
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({
      extnID: OID.ocspNonce,
      extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER(),
    }),
  ];
  return Buffer.from(request.toSchema(true).toBER());
}

/**
 * The checker the environment asks for: ECP_REVOCATION=ocsp|crl|off (default: ocsp in production,
 * off elsewhere), ECP_OCSP_URL, ECP_REVOCATION_TIMEOUT_MS.
 */
export function revocationCheckerFromEnv(env: Record<string, string | undefined> = process.env): RevocationChecker {
  const mode = env.ECP_REVOCATION?.trim() || (env.NODE_ENV === "production" ? "ocsp" : "off");
  if (mode === "off") return noRevocationCheck;
  if (mode !== "ocsp" && mode !== "crl") throw new Error("ECP_REVOCATION must be ocsp, crl or off");
  const timeout = Number(env.ECP_REVOCATION_TIMEOUT_MS);
  return httpRevocationChecker({
    mode,
    ocspUrl: env.ECP_OCSP_URL?.trim() || "http://ocsp.pki.gov.kz/",
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 10_000,
  });
}
