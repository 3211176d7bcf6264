import type { AuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { LIMITS } from "./limits";
import { verifyLoginCode } from "./login";
import { requestMetaFromHeaders } from "./request-meta";
import { verifyCodeSchema } from "./schemas";

/**
 * next-auth carries the web cookie (encrypted, httpOnly, SameSite=Lax, Secure over https) and
 * guards its sign-in POST with a CSRF token. The cookie only holds the token of a server-side
 * session row, and that row decides on every request (lib/auth/session.ts).
 *
 * A refused code reaches the login form as the error string: JSON of the service's answer.
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: LIMITS.sessionAbsoluteMs / 1000 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "phone-otp",
      name: "SMS code",
      credentials: { phone: { type: "tel" }, code: { type: "text" } },
      async authorize(credentials, req) {
        const parsed = verifyCodeSchema.safeParse({ phone: credentials?.phone, code: credentials?.code });
        if (!parsed.success) throw new Error(JSON.stringify({ error: "invalid_request" }));
        const meta = requestMetaFromHeaders(new Headers(req.headers as Record<string, string>));
        const result = await verifyLoginCode(parsed.data.phone, parsed.data.code, meta, "WEB");
        if (!result.ok) throw new Error(JSON.stringify(result));
        return { id: result.sessionId, sessionToken: result.token };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionToken" in user) token.st = user.sessionToken;
      return token;
    },
    // The browser-visible session object carries nothing: the token stays in the httpOnly cookie.
    session({ session }) {
      return { expires: session.expires };
    },
  },
};

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** Reads the server-session token out of next-auth's encrypted cookie. */
export async function sessionTokenFromCookie(value: string | undefined): Promise<string | null> {
  if (!value || !process.env.NEXTAUTH_SECRET) return null;
  try {
    const jwt = await decode({ token: value, secret: process.env.NEXTAUTH_SECRET });
    return typeof jwt?.st === "string" ? jwt.st : null;
  } catch {
    return null;
  }
}

/**
 * The cookie next-auth itself would set for a session made without its sign-in flow (a one-click
 * demo cabinet): the same name, encryption, lifetime and flags, so every later request reads it the
 * usual way.
 */
export async function sessionCookie(token: string): Promise<{
  name: (typeof SESSION_COOKIES)[number];
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number };
}> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const maxAge = LIMITS.sessionAbsoluteMs / 1000;
  return {
    name: secure ? SESSION_COOKIES[0] : SESSION_COOKIES[1],
    value: await encode({ token: { st: token }, secret, maxAge }),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge },
  };
}
