import type { z } from "zod";
import type { AuditAction } from "@/lib/audit/events";
import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { ResolvedSession } from "@/lib/auth/session";
import { TX_OPTIONS, getDb } from "@/lib/db/client";
import { AppError, DeniedError, type AppErrorCode } from "@/lib/errors/app-error";
import { fieldErrorKeys } from "@/lib/errors/zod-fields";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import {
  admits,
  denialWho,
  resolveActor,
  roleOf,
  type Actor,
  type ActorFor,
  type Requirement,
} from "@/lib/tenancy/actor";
import { clientFor } from "@/lib/tenancy/scope";

/**
 * Who may call an action: for each admitted actor kind the right it needs (`{ member:
 * "users.manage" }`, `{ staff: "desk.assignments.manage", operator: "platform.assignments.manage" }`),
 * a logged-in person acting on themselves ("self"), any live session ("session", e.g. logout), or a
 * verified phone that is finishing registration.
 */
export type ActionRight = Requirement;

export interface ActionContext {
  session: ResolvedSession | null;
  meta: RequestMeta;
  locale: string;
}

export interface HandlerArgs<I, A extends Actor> {
  input: I;
  /** Scoped to the actor's Partners (see lib/tenancy/scope.ts); a plain transaction for person-level actions. */
  tx: Prisma.TransactionClient;
  actor: A;
  ctx: ActionContext;
  /** What `prepare` returned (undefined without one). */
  prepared?: unknown;
}

export interface PrepareArgs<I, A extends Actor> {
  input: I;
  actor: A;
  ctx: ActionContext;
  /** The client scoped to the actor (as the handler's transaction is): short reads only. */
  db: PrismaClient;
}

export interface HandlerResult<O> {
  data: O;
  audit?: Pick<AuditEntry, "targetType" | "targetId" | "details"> & {
    partnerId?: string | null;
    actorPersonId?: string | null;
    actorRole?: string | null;
  };
}

export interface ActionDefinition<S extends z.ZodType, O, R extends ActionRight> {
  name: string;
  input: S;
  access: R;
  audit: AuditAction;
  /**
   * Optional work before the transaction (after authorization): reading a file from storage, calling
   * a verifier that may reach the network. Its AppErrors are answered (and DeniedErrors audited) like
   * the handler's; its result reaches the handler as `prepared`, which must re-check what it relies on.
   */
  prepare?: (args: PrepareArgs<z.output<S>, ActorFor<R>>) => Promise<unknown>;
  handler: (args: HandlerArgs<z.output<S>, ActorFor<R>>) => Promise<HandlerResult<O>>;
}

export type ActionResult<O> =
  | { ok: true; data: O }
  | {
      ok: false;
      error: {
        code: AppErrorCode;
        /** The catalog key of the message, for callers that answer with their own error names (APIs). */
        key: string;
        message: string;
        fieldErrors?: Record<string, string[]>;
        requestId: string;
      };
    };

export interface Action<S extends z.ZodType, O, R extends ActionRight = ActionRight> extends ActionDefinition<S, O, R> {
  run(rawInput: unknown, ctx: ActionContext): Promise<ActionResult<O>>;
}

/**
 * The single path of every change: parse → resolve the actor from the session (never from
 * input) → check the declared right (a refusal is audited) → run the handler and write its
 * audit row in one transaction → map errors to messages in the user's language.
 */
export function defineAction<S extends z.ZodType, O, R extends ActionRight>(
  definition: ActionDefinition<S, O, R>,
): Action<S, O, R> {
  return { ...definition, run: (rawInput, ctx) => runAction(definition, rawInput, ctx) };
}

async function runAction<S extends z.ZodType, O, R extends ActionRight>(
  def: ActionDefinition<S, O, R>,
  rawInput: unknown,
  ctx: ActionContext,
): Promise<ActionResult<O>> {
  const t = translator(ctx.locale);
  const fail = (
    code: AppErrorCode,
    messageKey: string = code,
    fieldErrors?: Record<string, string[]>,
    values?: Record<string, string | number>,
  ): ActionResult<O> => ({
    ok: false,
    error: {
      code,
      key: messageKey,
      message: t(`errors.${messageKey}` as never, values as never),
      fieldErrors: fieldErrors
        ? Object.fromEntries(
            Object.entries(fieldErrors).map(([field, keys]) => [
              field,
              keys.map((k) => t(`errors.fields.${k}` as never)),
            ]),
          )
        : undefined,
      requestId: ctx.meta.requestId,
    },
  });

  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) return fail("invalid_input", "invalid_input", fieldErrorKeys(parsed.error));

  const actor = await resolveActor(ctx.session, def.access);
  if (!actor.ok) {
    if (actor.audit) await auditDenial(def, ctx, actor.audit, actor.reason);
    return fail(actor.code);
  }
  if (typeof def.access !== "string" && !admits(def.access, actor.value)) {
    await auditDenial(def, ctx, denialWho(actor.value, {}), "missing_right");
    return fail("not_found");
  }

  try {
    const db = getDb();
    const partnerId = actor.value.kind === "member" ? actor.value.partnerId : null;
    const client = clientFor(db, actor.value, def.access);
    // resolveActor returned the actor kind this right admits (see ActorFor).
    const prepared = def.prepare
      ? await def.prepare({ input: parsed.data, actor: actor.value as ActorFor<R>, ctx, db: client })
      : undefined;
    const data = await (client as typeof db).$transaction(async (tx) => {
      const result = await def.handler({
        input: parsed.data,
        tx,
        actor: actor.value as ActorFor<R>,
        ctx,
        prepared,
      });
      await writeAudit(tx, {
        action: def.audit,
        outcome: "SUCCESS",
        partnerId: result.audit?.partnerId !== undefined ? result.audit.partnerId : partnerId,
        actorPersonId: result.audit?.actorPersonId !== undefined ? result.audit.actorPersonId : actor.value.personId,
        actorRole: result.audit?.actorRole !== undefined ? result.audit.actorRole : roleOf(actor.value),
        actorPhone: actor.value.phone,
        targetType: result.audit?.targetType ?? null,
        targetId: result.audit?.targetId ?? null,
        details: result.audit?.details ?? null,
        ip: ctx.meta.ip,
        userAgent: ctx.meta.userAgent,
        requestId: ctx.meta.requestId,
      });
      return result.data;
    }, TX_OPTIONS);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      if (error instanceof DeniedError) await auditDenial(def, ctx, denialWho(actor.value, {}), error.reason);
      else if (error.code === "not_found" || error.code === "forbidden") {
        await auditDenial(def, ctx, denialWho(actor.value, {}), error.messageKey);
      }
      return fail(error.code, error.messageKey, error.fieldErrors, error.values);
    }
    if (isUniqueViolation(error)) return fail("conflict");
    console.error(`[action ${def.name}] request ${ctx.meta.requestId} failed`, error);
    return fail("internal");
  }
}

async function auditDenial(
  def: { audit: AuditAction; name: string },
  ctx: ActionContext,
  who: Partial<AuditEntry>,
  reason: string,
): Promise<void> {
  await getDb().$transaction((tx) =>
    writeAudit(tx, {
      ...who,
      action: def.audit,
      outcome: "DENIED",
      details: { action: def.name, reason },
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.meta.requestId,
    }),
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
