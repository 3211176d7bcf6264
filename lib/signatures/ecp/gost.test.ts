import * as asn1js from "asn1js";
import { describe, expect, it } from "vitest";
import { gost512PublicKey, gost512Verify, streebog512Digest } from "./gost";
import { OID } from "./oids";
import { issuedBy, keyAlgorithm, parseCertificate } from "./x509";

/**
 * Known answers made by KalkanCrypt (the national CA's own library) with a GOST 2015-512 key
 * (published as test vectors by the ncalayer-rs project): they pin the byte layout of keys,
 * digests and signatures, which a round trip through our own signer could not.
 */
const kalkan = {
  msg: "ncalayer-rs test message",
  digest:
    "7d2b8e1c32c116aba0e4c14a021d459206b6174d201cddfed0b256da91729cf169199a9ff12d6026c29e6acabe19c4d191954823f54fb7b2661b3b4b5cfe2179",
  d: "e86ce8e9cb499b2f3bb43c2f11c167f4a1cc1c54b39a5efc39e58dd73da1e02e62d86dea059c7f4b80890eed35f26977491548b9ceb93e47571acaecf4f59775",
  sig: "8d6c6a698664478e092159fb3570b0e93641b8eeb52e1735581099c8221c0d144415b08e27ebc77579ee65f70bd53f7932a7e9b885debd71e6be0e8018600364d47013472a66eebceeb1efc9d2309981b4fc1f5d45d7d8b0ab1490574cee5e38b975491336c312db35b6cf666e695f6bba90806d1dda19726218554cad2f1666",
  spki: "3081ac302306092a830e030a010102023016060a2a830e030a010102020106082a830e030a01030303818400048180fa922af18959f9fc80840848b03ab13812397a02f2724ef31a6705e45149d1c43b95ec1937ba4c848abfd1c1356905afb98f948f07cc90c8001860dffff1c928041232ad0868ea9215710313ac845761cac2a0de1fe287f8c74b4d11ba107ba6c607575ea806c7d90151ddf90b65299409d9c9bc0a5f3ae3cb010a171eb5e545",
  certTbs:
    "3082016ca003020102020601a0fd8c5966300e060a2a830e030a01010203020500303e3115301306035504030c0c5445535420474f5354353132311830160603550405130f49494e303030303030303030303030310b3009060355040613024b5a301e170d3236313030313136353730385a170d3237313030323136353730385a303e3115301306035504030c0c5445535420474f5354353132311830160603550405130f49494e303030303030303030303030310b3009060355040613024b5a3081ac302306092a830e030a010102023016060a2a830e030a010102020106082a830e030a01030303818400048180fa922af18959f9fc80840848b03ab13812397a02f2724ef31a6705e45149d1c43b95ec1937ba4c848abfd1c1356905afb98f948f07cc90c8001860dffff1c928041232ad0868ea9215710313ac845761cac2a0de1fe287f8c74b4d11ba107ba6c607575ea806c7d90151ddf90b65299409d9c9bc0a5f3ae3cb010a171eb5e545",
  certSig:
    "2cf5b89a199bacfb213338aba0c6c5cd32a3d210e2990dc09d3ec596e82220e0ca972520fc9b7e7dcefc5e3b738d99010be4b104b0142c4fe0d7f0b0804485085903776eb5d62c29ec87855be7eb19c315585139ade546c51d3505ac3c4eb0e5e90909e7772628d7e9d6457cb486a7b673ba0ebe23f5246dc3b7751f845ed535",
};
const hex = (value: string) => Buffer.from(value, "hex");
const publicKey = hex(kalkan.spki).subarray(-128);

function kalkanCertificate(signature: Buffer): Buffer {
  const tbs = asn1js.fromBER(hex(kalkan.certTbs)).result;
  const algorithm = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID.gost2015Signature512 }), new asn1js.Null()],
  });
  return Buffer.from(
    new asn1js.Sequence({ value: [tbs, algorithm, new asn1js.BitString({ valueHex: signature })] }).toBER(),
  );
}

describe("GOST 2015-512 against KalkanCrypt's output", () => {
  it("computes the same Streebog-512 digest", () => {
    expect(streebog512Digest(Buffer.from(kalkan.msg)).toString("hex")).toBe(kalkan.digest);
  });

  it("derives the same public key (x ‖ y little-endian) from the private scalar", () => {
    const littleEndian = Buffer.from(hex(kalkan.d)).reverse();
    expect(gost512PublicKey(littleEndian).equals(publicKey)).toBe(true);
  });

  it("verifies Kalkan's signature (r ‖ s little-endian) and refuses a changed message or signature", () => {
    const sig = hex(kalkan.sig);
    expect(gost512Verify(publicKey, sig, Buffer.from(kalkan.msg))).toBe(true);
    expect(gost512Verify(publicKey, sig, Buffer.from(kalkan.msg + "!"))).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    expect(gost512Verify(publicKey, flipped, Buffer.from(kalkan.msg))).toBe(false);
    // The RFC 4491 layout (s ‖ r big-endian) is the byte reversal; it must not verify.
    expect(gost512Verify(publicKey, Buffer.from(sig).reverse(), Buffer.from(kalkan.msg))).toBe(false);
  });

  it("reads Kalkan's self-signed certificate as GOST 2015 and checks its signature", () => {
    const cert = parseCertificate(kalkanCertificate(hex(kalkan.certSig)));
    expect(keyAlgorithm(cert.cert)).toBe("GOST2015");
    expect(issuedBy(cert.cert, cert.cert)).toBe(true);
    const forged = hex(kalkan.certSig);
    forged[0] = (forged[0] ?? 0) ^ 1;
    const bad = parseCertificate(kalkanCertificate(forged));
    expect(issuedBy(bad.cert, bad.cert)).toBe(false);
  });
});
