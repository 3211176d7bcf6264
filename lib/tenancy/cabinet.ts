import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getWebSession } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import type { Right } from "@/lib/permissions/catalog";
import { can } from "@/lib/permissions/catalog";
import { resolveActor, type MemberActor, type PersonActor } from "./actor";

/**
 * Cabinet sections in navigation order, each with the right that opens it; `built: false` marks
 * a section still to come (a placeholder page), shown as such rather than like a working one.
 */
export const CABINET_MODULES = [
  { key: "requests", right: "requests.view", built: false },
  { key: "documents", right: "documents.view", built: false },
  { key: "counterparties", right: "sharing.view", built: false },
  { key: "company", right: "profile.view", built: true },
  { key: "users", right: "users.manage", built: true },
  { key: "tariff", right: "billing.view", built: false },
  { key: "audit", right: "audit.view", built: true },
] as const satisfies readonly { key: string; right: Right; built: boolean }[];

export type CabinetModuleKey = (typeof CABINET_MODULES)[number]["key"];

/**
 * The cabinet of the current web request: who is logged in and in which Partner they act.
 * Anonymous visitors go to login, verified numbers without a person to registration.
 */
export const requireCabinet = cache(async () => {
  const session = await getWebSession();
  if (!session) redirect("/login");
  if (!session.person) redirect("/register");
  const resolved = await resolveActor(session, "self");
  if (!resolved.ok) redirect("/login");
  const actor = resolved.value as MemberActor | PersonActor;
  const partner =
    actor.kind === "member"
      ? await getDb().partner.findUnique({
          where: { id: actor.partnerId },
          select: { id: true, name: true, status: true, type: true },
        })
      : null;
  const modules = actor.kind === "member" ? CABINET_MODULES.filter((m) => can(actor.rights, m.right)) : [];
  return { session, person: session.person, actor, partner, modules };
});

/** For a page of one module: the not-found page unless the member holds its right (never a hint that it exists). */
export async function requireModule(key: string) {
  const cabinet = await requireCabinet();
  const found = cabinet.modules.find((m) => m.key === key);
  if (!found || cabinet.actor.kind !== "member") notFound();
  return { ...cabinet, module: found };
}
