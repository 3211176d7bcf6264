declare module "@wavesenterprise/crypto-gost-js" {
  interface GostSignCipher {
    sign(privateKey: ArrayBuffer | Uint8Array, data: ArrayBuffer | Uint8Array): ArrayBuffer;
    verify(
      publicKey: ArrayBuffer | Uint8Array,
      signature: ArrayBuffer | Uint8Array,
      data: ArrayBuffer | Uint8Array,
    ): boolean;
    generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  }
  interface GostDigestCipher {
    digest(data: ArrayBuffer | Uint8Array): ArrayBuffer;
  }
  export const GostEngine: {
    getGostSign(algorithm: Record<string, unknown>): GostSignCipher;
    getGostDigest(algorithm: Record<string, unknown>): GostDigestCipher;
  };
  export const CryptoGost: unknown;
}
