import { createHash } from "node:crypto";
import { defineAction } from "@/lib/actions/define-action";
import { AppError, DeniedError } from "@/lib/errors/app-error";
import { type EcpRefusal, type VerifyOptions, decodeCms, verifyCms } from "@/lib/signatures/ecp/verify";
import { getStorage } from "@/lib/storage";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { signEcpSchema } from "../schemas";
import { SIGNERS, type SignerActor, lockOwnStep, recordSignature } from "../step";

/** What the check before the transaction established, re-checked inside it. */
interface VerifiedEcp {
  versionId: string;
  sha256: string;
  iin: string;
  bin: string | null;
  /** The person had no IIN yet: the confirmed one is stored with this signature. */
  storeIin: boolean;
  cms: string;
}

/** The catalog key of each refusal (errors.ecp_*). */
export const ECP_REFUSAL_KEYS: Record<EcpRefusal | "bin_not_allowed" | "file_changed", string> = {
  malformed: "ecp_malformed",
  other_data: "ecp_other_data",
  tampered: "ecp_tampered",
  not_yet_valid: "ecp_not_yet_valid",
  expired: "ecp_expired",
  untrusted_ca: "ecp_untrusted_ca",
  not_signing_key: "ecp_not_signing_key",
  iin_mismatch: "ecp_iin_mismatch",
  bin_mismatch: "ecp_bin_mismatch",
  bin_not_allowed: "ecp_bin_mismatch",
  revoked: "ecp_revoked",
  revocation_unknown: "ecp_revocation_unknown",
  unsupported_algorithm: "ecp_unsupported_algorithm",
  file_changed: "ecp_file_changed",
};

/** Trusted CAs and revocation: from the environment (ECP_TRUSTED_CA_DIR, ECP_REVOCATION) unless a test sets them. */
let verifyOptions: VerifyOptions = {};

/** Tests: verify with these trusted CAs / this revocation checker; returns the restore. */
export function setEcpVerifyOptionsForTests(options: VerifyOptions): () => void {
  const previous = verifyOptions;
  verifyOptions = options;
  return () => {
    verifyOptions = previous;
  };
}

function refuse(reason: keyof typeof ECP_REFUSAL_KEYS): never {
  throw new DeniedError("conflict", ECP_REFUSAL_KEYS[reason], undefined, ECP_REFUSAL_KEYS[reason]);
}

async function readAll(key: string): Promise<Buffer> {
  const { stream } = await getStorage().get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Before the transaction: the step (the signer's own, on turn, of a signature route), the version's
 * bytes from storage, and the CMS verified over exactly those bytes (chain to a trusted CA, validity
 * now, signing key, revocation per ECP_REVOCATION, the signer's IIN, the organisation's BIN). Network
 * (storage, OCSP) happens here, never inside the transaction.
 */
async function verifyBeforeSigning(
  db: PrismaClient,
  input: { stepId: string; cms: string; iin?: string },
  actor: SignerActor,
) {
  const found = await db.$transaction(async (tx) => {
    const { route, grant } = await lockOwnStep(tx, actor, input.stepId);
    if (route.purpose !== "SIGNATURE") throw new AppError("conflict", "route_not_signature");
    const [version, person, partner] = await Promise.all([
      tx.documentVersion.findFirstOrThrow({
        where: { id: route.versionId },
        select: { id: true, storageKey: true, sha256: true },
      }),
      tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { iin: true } }),
      tx.partner.findUniqueOrThrow({ where: { id: route.partnerId }, select: { taxId: true } }),
    ]);
    return { route, grant, version, person, partner };
  });
  const iin = found.person.iin ?? input.iin;
  if (!iin) throw new AppError("invalid_input", "ecp_iin_required", { iin: ["ecp_iin_required"] });

  const data = await readAll(found.version.storageKey);
  const sha256 = createHash("sha256").update(data).digest("hex");
  if (sha256 !== found.route.sha256) refuse("file_changed");

  const result = await verifyCms(input.cms, { data, iin }, verifyOptions);
  if (!result.ok) refuse(result.reason);
  // An organisation's certificate signs for the Partner (its users and serving staff) or for the
  // counterparty's organisation named in the share; a personal one (no BIN) signs as the person.
  const allowedBin = actor.kind === "counterparty" ? (found.grant?.organisationBin ?? null) : found.partner.taxId;
  if (result.bin !== null && result.bin !== allowedBin) refuse("bin_not_allowed");
  return {
    versionId: found.version.id,
    sha256,
    iin: result.iin,
    bin: result.bin,
    storeIin: found.person.iin === null,
    cms: decodeCms(input.cms).toString("base64"),
  } satisfies VerifiedEcp;
}

/**
 * Signs one's own step with ЭЦП: a detached CMS made in the browser by NCALayer (the private key
 * never reaches the platform), verified before the transaction; inside it the step is locked and
 * re-checked, the signature row keeps method ECP, the certificate's IIN and BIN and the CMS, and the
 * route moves on. A refusal names its reason in the user's language and is audited; nothing is written.
 */
export const signStepEcp = defineAction({
  name: "signatures.signEcp",
  input: signEcpSchema,
  access: SIGNERS,
  audit: "signature.signed",
  async prepare({ input, actor, db }) {
    return verifyBeforeSigning(db, input, actor);
  },
  async handler({ input, tx, actor, ctx, prepared }) {
    const verified = prepared as VerifiedEcp;
    const { step, route, grant, at } = await lockOwnStep(tx, actor, input.stepId);
    if (route.purpose !== "SIGNATURE") throw new AppError("conflict", "route_not_signature");
    if (route.versionId !== verified.versionId || route.sha256 !== verified.sha256) refuse("file_changed");
    const person = await tx.person.findUniqueOrThrow({
      where: { id: actor.personId },
      select: { name: true, iin: true },
    });
    if (verified.storeIin) {
      if (person.iin !== null && person.iin !== verified.iin) refuse("iin_mismatch");
      const taken = await tx.person.findFirst({
        where: { iin: verified.iin, id: { not: actor.personId } },
        select: { id: true },
      });
      if (taken) throw new DeniedError("conflict", "ecp_iin_taken", undefined, "ecp_iin_taken");
      if (person.iin === null) await tx.person.update({ where: { id: actor.personId }, data: { iin: verified.iin } });
    } else if (person.iin !== verified.iin) refuse("iin_mismatch");
    return recordSignature(
      tx,
      { step, route, grant, at },
      actor,
      ctx.meta,
      { method: "ECP", iin: verified.iin, bin: verified.bin, cms: verified.cms },
      { iinConfirmed: verified.storeIin },
    );
  },
});
