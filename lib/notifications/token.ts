import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./kinds";

/** How long the unsubscribe link of an e-mail works. */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;

interface TokenBody {
  /** person id */
  p: string;
  k: NotificationKind;
  /** expiry, seconds since the epoch */
  e: number;
}

/** A key of its own for these links, derived from NEXTAUTH_SECRET (a leaked link key is not a session key). */
function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update("partner-cabinet/notification-unsubscribe/v1").digest();
}

const mac = (body: string) => createHmac("sha256", key()).update(body).digest();

/** A link token that turns one kind's e-mail off for one person, without a login. */
export function signUnsubscribeToken(personId: string, kind: NotificationKind, now = new Date()): string {
  const body: TokenBody = {
    p: personId,
    k: kind,
    e: Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_DAYS * 86_400,
  };
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${encoded}.${mac(encoded).toString("base64url")}`;
}

export type TokenCheck =
  | { ok: true; personId: string; kind: NotificationKind; expiresAt: Date }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/** Checks the signature (in constant time) before reading anything, then the expiry. */
export function verifyUnsubscribeToken(token: string, now = new Date()): TokenCheck {
  const match = /^([A-Za-z0-9_-]{10,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const [, encoded = "", signature = ""] = match;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as TokenBody;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof body.p !== "string" || typeof body.e !== "number" || !isNotificationKind(String(body.k)))
    return { ok: false, reason: "malformed" };
  if (body.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, personId: body.p, kind: body.k, expiresAt: new Date(body.e * 1000) };
}

/** The public address of the app (APP_URL), for links in e-mails and SMS. */
export function appUrl(path = ""): string {
  const base = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return `${base.replace(/\/+$/, "")}${path}`;
}

export function unsubscribeUrl(personId: string, kind: NotificationKind, now?: Date): string {
  return appUrl(`/unsubscribe?token=${signUnsubscribeToken(personId, kind, now)}`);
}
