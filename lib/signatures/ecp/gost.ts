import gostModule from "@wavesenterprise/crypto-gost-js";

/**
 * GOST R 34.10-2015 512 (TC26 paramSet A) with Streebog-512, in the byte layout of the national CA
 * (checked by others against its root and issuing certificates and against Kalkan-made CMS):
 * - public key: OCTET STRING of x ‖ y, each little-endian (RFC 4491);
 * - digest → integer: the Streebog output read as a little-endian number;
 * - signature value: r ‖ s, each little-endian (the byte reversal of RFC 4491's s ‖ r big-endian).
 * That is exactly the library's own layout without a "procreator", so no bytes are swapped here.
 */
const { GostEngine } = gostModule as unknown as typeof import("@wavesenterprise/crypto-gost-js");

const streebog512 = { name: "GOST R 34.11", version: 2012, length: 512 };
const sign512 = {
  name: "GOST R 34.10",
  version: 2012,
  length: 512,
  namedCurve: "T-512-A",
  hash: streebog512,
};

/** Streebog-512 of the bytes. */
export function streebog512Digest(data: Uint8Array): Buffer {
  return Buffer.from(GostEngine.getGostDigest(streebog512).digest(copy(data)));
}

/** Verifies a GOST 2015-512 signature (`signature` as in the certificate or CMS) over `data`. */
export function gost512Verify(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): boolean {
  if (publicKey.length !== 128 || signature.length !== 128) return false;
  try {
    return GostEngine.getGostSign(sign512).verify(copy(publicKey), copy(signature), copy(data));
  } catch {
    return false;
  }
}

/** Signs `data` (tests only: the platform never holds a signer's key). */
export function gost512Sign(privateKey: Uint8Array, data: Uint8Array): Buffer {
  return Buffer.from(GostEngine.getGostSign(sign512).sign(copy(privateKey), copy(data)));
}

/** A new key pair: the private scalar and the public key x ‖ y (little-endian). Tests only. */
export function gost512GenerateKey(): { privateKey: Buffer; publicKey: Buffer } {
  const pair = GostEngine.getGostSign(sign512).generateKey();
  return { privateKey: Buffer.from(pair.privateKey), publicKey: Buffer.from(pair.publicKey) };
}

/** The library wants a whole ArrayBuffer; Node buffers are often views into a shared pool. */
function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The public key x ‖ y of a private scalar (tests only). */
export function gost512PublicKey(privateKey: Uint8Array): Buffer {
  // With `ukm` set, the library takes it as the private scalar instead of a random one.
  return Buffer.from(GostEngine.getGostSign({ ...sign512, ukm: copy(privateKey) }).generateKey().publicKey);
}
