/** Object identifiers of the national CA's certificates and of CMS (import-free). */
export const OID = {
  // Algorithms
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  sha384WithRSA: "1.2.840.113549.1.1.12",
  sha512WithRSA: "1.2.840.113549.1.1.13",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  sha1: "1.3.14.3.2.26",
  /** GOST R 34.10-2015 (2012) 512-bit public key, national CA branch. */
  gost2015Key512: "1.2.398.3.10.1.1.2.2",
  /** Parameter set A of the 512-bit key (the TC26 512 paramSet A curve). */
  gost2015ParamSetA512: "1.2.398.3.10.1.1.2.2.1",
  /** GOST R 34.10-2015 512 signature with GOST R 34.11-2015 512 (Streebog-512). */
  gost2015Signature512: "1.2.398.3.10.1.1.2.3.2",
  /** GOST R 34.11-2015 512 (Streebog-512). */
  gost2015Digest512: "1.2.398.3.10.1.3.3",
  // CMS
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  // Names
  commonName: "2.5.4.3",
  surname: "2.5.4.4",
  serialNumber: "2.5.4.5",
  country: "2.5.4.6",
  organisation: "2.5.4.10",
  organisationalUnit: "2.5.4.11",
  givenName: "2.5.4.42",
  // Extensions
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  extKeyUsage: "2.5.29.37",
  crlDistributionPoints: "2.5.29.31",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  ocspAccess: "1.3.6.1.5.5.7.48.1",
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  ocspNonce: "1.3.6.1.5.5.7.48.1.2",
  // Extended key usages
  ekuClientAuth: "1.3.6.1.5.5.7.3.2",
  ekuEmailProtection: "1.3.6.1.5.5.7.3.4",
  ekuOcspSigning: "1.3.6.1.5.5.7.3.9",
  kzIndividual: "1.2.398.3.3.4.1.1",
  kzOrganisationEmployee: "1.2.398.3.3.4.1.2",
  kzOrganisationHead: "1.2.398.3.3.4.1.2.1",
} as const;

/** EKUs that make a certificate a signing one (the national CA's signer filters). */
export const SIGNING_EKUS: readonly string[] = [
  OID.ekuEmailProtection,
  OID.kzIndividual,
  OID.kzOrganisationEmployee,
  OID.kzOrganisationHead,
];
