import type { z } from "zod";
import type { AuditAction } from "@/lib/audit/events";
import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { ResolvedSession } from "@/lib/auth/session";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { admits, denialWho, resolveActor, type ActorFor, type Requirement } from "./actor";
import type { Places } from "./places";
import { publicCatalogClient, type PublicCatalogClient } from "./public";
import { clientFor } from "./scope";

/**
 * What a read admits: what an action may declare, or "public": anyone, logged in or not, reading the
 * public catalogue (tariffs, services). Public reads get no actor and a client of catalogue models only.
 */
export type ReadRequirement = Requirement | "public";

/** What a read records of itself (a view, a download, an export): attributed to the actor and the request. */
export type ReadRecord = Pick<AuditEntry, "action" | "targetType" | "targetId" | "details"> & {
  partnerId?: string | null;
};

export interface LoadArgs<I, R> {
  input: I;
  /** Scoped to what the actor may reach (lib/tenancy/scope.ts): the only client a read gets. */
  db: R extends "public" ? PublicCatalogClient : PrismaClient;
  /** Null for public reads: a visitor's session is not even looked at. */
  actor: R extends "public" ? null : ActorFor<R>;
  /** Writes a SUCCESS audit row in a short transaction of its own, before the data leaves (AUD-1). */
  record(entry: ReadRecord): Promise<void>;
}

export interface LoaderDefinition<S extends z.ZodType, O, R extends ReadRequirement> {
  name: string;
  access: R;
  /** The event a refusal is recorded under; "read.denied" unless the read has an event of its own. */
  audit?: AuditAction;
  /** Parses what the page or route was given (search params, route params); never trusted as scope. */
  input: S;
  load(args: LoadArgs<z.output<S>, R>): Promise<O>;
}

export type LoaderFailure = "invalid_input" | "unauthenticated" | "registration_pending" | "not_found";
export type LoaderResult<O> = { ok: true; data: O } | { ok: false; code: LoaderFailure };

/** Who is asking: the session, the person's places when already read this request, and where from. */
export interface ReadContext {
  session: ResolvedSession | null;
  places?: Places;
  meta?: RequestMeta;
}

export interface Loader<S extends z.ZodType, O, R extends ReadRequirement = Requirement> extends LoaderDefinition<
  S,
  O,
  R
> {
  run(rawInput: unknown, ctx: ReadContext): Promise<LoaderResult<O>>;
}

/**
 * The single path of every read, the way defineAction is for changes: parse the input → resolve
 * the actor from the session → check the declared kind and right (a refusal is audited and
 * answers "not found") → hand the read a client scoped to what the actor may reach. A record the
 * scope does not reach is "not found" too (throw `notFound()` from `load`).
 */
export function defineLoader<S extends z.ZodType, O, R extends ReadRequirement>(
  definition: LoaderDefinition<S, O, R>,
): Loader<S, O, R> {
  return { ...definition, run: (rawInput, ctx) => runLoader(definition, rawInput, ctx) };
}

async function runLoader<S extends z.ZodType, O, R extends ReadRequirement>(
  def: LoaderDefinition<S, O, R>,
  rawInput: unknown,
  ctx: ReadContext,
): Promise<LoaderResult<O>> {
  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: "invalid_input" };
  if (def.access === "public") return runPublic(def, parsed.data);
  const access = def.access as Requirement;
  const resolved = await resolveActor(ctx.session, access, ctx.places);
  if (!resolved.ok) {
    if (resolved.reason === "registration_pending") return { ok: false, code: "registration_pending" };
    if (resolved.code === "unauthenticated") return { ok: false, code: "unauthenticated" };
    await auditRefusal(def, ctx, resolved.audit ?? {}, resolved.reason);
    return { ok: false, code: "not_found" };
  }
  const actor = resolved.value;
  if (typeof access !== "string" && !admits(access, actor)) {
    await auditRefusal(def, ctx, denialWho(actor, {}), "missing_right");
    return { ok: false, code: "not_found" };
  }
  try {
    const data = await def.load({
      input: parsed.data,
      db: clientFor(getDb(), actor, access) as LoadArgs<z.output<S>, R>["db"],
      actor: actor as LoadArgs<z.output<S>, R>["actor"],
      record: (entry) =>
        inTransaction({
          ...denialWho(actor, {}),
          ...requestFields(ctx),
          ...entry,
          partnerId: entry.partnerId !== undefined ? entry.partnerId : actor.kind === "member" ? actor.partnerId : null,
          outcome: "SUCCESS",
        }),
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { ok: false, code: "not_found" };
    throw error;
  }
}

/** A public read: no session, no audit, only the catalogue models. */
async function runPublic<S extends z.ZodType, O, R extends ReadRequirement>(
  def: LoaderDefinition<S, O, R>,
  input: z.output<S>,
): Promise<LoaderResult<O>> {
  const noRecord = () => Promise.reject(new Error(`public read ${def.name} has no actor to record`));
  try {
    const data = await def.load({
      input,
      db: publicCatalogClient(getDb()) as LoadArgs<z.output<S>, R>["db"],
      actor: null as LoadArgs<z.output<S>, R>["actor"],
      record: noRecord,
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { ok: false, code: "not_found" };
    throw error;
  }
}

/** A read refused for the actor's kind or rights is recorded like a refused change. */
async function auditRefusal(
  def: { name: string; audit?: AuditAction },
  ctx: ReadContext,
  who: Partial<AuditEntry>,
  reason: string,
): Promise<void> {
  await inTransaction({
    ...who,
    ...requestFields(ctx),
    action: def.audit ?? "read.denied",
    outcome: "DENIED",
    details: { read: def.name, reason },
  });
}

function requestFields(ctx: ReadContext) {
  return { ip: ctx.meta?.ip ?? null, userAgent: ctx.meta?.userAgent ?? null, requestId: ctx.meta?.requestId ?? null };
}

async function inTransaction(entry: AuditEntry): Promise<void> {
  await getDb().$transaction((tx) => writeAudit(tx, entry), TX_OPTIONS);
}
