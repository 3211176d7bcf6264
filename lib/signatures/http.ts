import { hitRateLimit } from "@/lib/auth/rate-limit";
import { now } from "@/lib/clock";
import { withSqlTransaction } from "@/lib/db/sql";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { getStorage } from "@/lib/storage";
import { contentDisposition, nodeToWebStream } from "@/lib/storage/http";
import type { ReadContext } from "@/lib/tenancy/loader";
import { VERIFY_PER_IP_PER_HOUR } from "./constants";
import { signatureCmsLoader, signatureSheetLoader, stepContentLoader, verifyLoader } from "./queries";
import { signatureSheetPdf } from "./sheet";

const HOUR = 60 * 60 * 1000;

function problem(status: number, error: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error, ...extra }, { status, headers: { "cache-control": "no-store" } });
}

/** A signed version's signature sheet as a PDF download, for anyone who can see the document. */
export async function handleSignatureSheet(
  ctx: ReadContext,
  locale: string,
  target: { documentId: string; versionId: string },
): Promise<Response> {
  const result = await signatureSheetLoader.run(target, ctx);
  if (!result.ok)
    return problem(
      result.code === "unauthenticated" ? 401 : 404,
      result.code === "unauthenticated" ? "unauthenticated" : "not_found",
    );
  const pdf = await signatureSheetPdf(result.data, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-type": "application/pdf",
      "content-disposition": contentDisposition(
        "attachment",
        `signatures-v${result.data.versionNumber}-${result.data.sha256.slice(0, 12)}.pdf`,
      ),
    },
  });
}

/**
 * The public check behind /verify: at most VERIFY_PER_IP_PER_HOUR per address and hour (counted in
 * PostgreSQL, shared by every instance), then the public read. Only a hash crosses the network: the
 * file never leaves the visitor's browser.
 */
export async function handleVerify(meta: RequestMeta, body: Record<string, unknown>): Promise<Response> {
  const at = now();
  const { count, resetAt } = await withSqlTransaction((sql) =>
    hitRateLimit(sql, `verify:ip:${meta.ip ?? "unknown"}`, HOUR, at),
  );
  if (count > VERIFY_PER_IP_PER_HOUR)
    return problem(429, "rate_limited", { retryAfterSeconds: Math.ceil((resetAt.getTime() - at.getTime()) / 1000) });
  const result = await verifyLoader.run(
    { sha256: body.sha256, ...(body.shortId ? { shortId: body.shortId } : {}) },
    { session: null, meta },
  );
  if (!result.ok) return problem(result.code === "invalid_input" ? 400 : 404, result.code);
  return Response.json(result.data, { headers: { "cache-control": "no-store" } });
}

function refused(code: string): Response {
  return problem(code === "unauthenticated" ? 401 : 404, code === "unauthenticated" ? "unauthenticated" : "not_found");
}

/** The CMS of an ЭЦП signature (DER, .p7s), for anyone who can see the document. */
export async function handleSignatureCms(
  ctx: ReadContext,
  target: { documentId: string; versionId: string; signatureId: string },
): Promise<Response> {
  const result = await signatureCmsLoader.run(target, ctx);
  if (!result.ok) return refused(result.code);
  const der = Buffer.from(result.data.cms, "base64");
  return new Response(new Uint8Array(der), {
    headers: {
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-type": "application/pkcs7-signature",
      "content-disposition": contentDisposition(
        "attachment",
        `signature-${result.data.iin ?? "ecp"}-${result.data.sha256.slice(0, 12)}.p7s`,
      ),
    },
  });
}

/** The bytes of the version an ЭЦП signer signs (their own step), for NCALayer in their browser. */
export async function handleStepContent(ctx: ReadContext, target: { stepId: string }): Promise<Response> {
  const result = await stepContentLoader.run(target, ctx);
  if (!result.ok) return refused(result.code);
  const { stream, size } = await getStorage().get(result.data.storageKey);
  return new Response(nodeToWebStream(stream), {
    headers: {
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-type": "application/octet-stream",
      "content-length": String(size),
      "x-content-sha256": result.data.sha256,
    },
  });
}
