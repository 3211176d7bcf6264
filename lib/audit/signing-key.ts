import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { env } from "@/lib/env";

/** A PEM text, or base64 DER (PKCS8 for a private key, SPKI for a public one). */
function readKey(text: string, kind: "private" | "public"): KeyObject {
  const input = text.includes("-----BEGIN")
    ? { key: text }
    : { key: Buffer.from(text.trim(), "base64"), format: "der" as const, type: kind === "private" ? "pkcs8" : "spki" };
  const key = kind === "private" ? createPrivateKey(input as never) : createPublicKey(input as never);
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`the audit ${kind} key must be an Ed25519 key`);
  return key;
}

/** The key that signs checkpoints: held by the app's environment, never by the database. */
export function auditSigningKey(): KeyObject {
  const text = env().AUDIT_SIGNING_KEY;
  if (!text) throw new Error("AUDIT_SIGNING_KEY is not set: audit checkpoints cannot be signed");
  return readKey(text, "private");
}

/** The key checkpoints are verified with: AUDIT_VERIFY_KEY, else the signing key's public half. */
export function auditVerifyKey(): KeyObject {
  const text = env().AUDIT_VERIFY_KEY;
  if (text) return readKey(text, "public");
  return createPublicKey(auditSigningKey());
}

/** SPKI DER, base64: the form exports carry and AUDIT_VERIFY_KEY accepts. */
export function publicKeyText(key: KeyObject): string {
  return (key.type === "private" ? createPublicKey(key) : key)
    .export({ format: "der", type: "spki" })
    .toString("base64");
}
