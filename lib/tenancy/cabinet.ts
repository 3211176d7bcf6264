import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Right } from "@/lib/permissions/catalog";
import { resolveActor, type MemberActor, type PersonActor } from "./actor";
import { homePath } from "./home";
import { getRequestPlaces } from "./request";

/**
 * Cabinet sections in navigation order, each with the right that opens it; `built: false` marks
 * a section still to come (a placeholder page), shown as such rather than like a working one.
 */
export const CABINET_MODULES = [
  { key: "requests", right: "requests.view", built: true },
  { key: "documents", right: "documents.view", built: true },
  { key: "counterparties", right: "sharing.view", built: true },
  { key: "company", right: "profile.view", built: true },
  { key: "users", right: "users.manage", built: true },
  { key: "tariff", right: "billing.view", built: true },
  { key: "audit", right: "audit.view", built: true },
] as const satisfies readonly { key: string; right: Right; built: boolean }[];

export type CabinetModuleKey = (typeof CABINET_MODULES)[number]["key"];

const PLACE_HOME = { staff: "DESK", operator: "ADMIN", counterparty: "SHARED" } as const;

/**
 * The cabinet of the current web request: who is logged in and in which Partner they act, from the
 * places read once per request. Anonymous visitors go to login, verified numbers without a person to
 * registration, and people whose active place is a desk, the back office or shared documents to
 * that place's home. Someone with no place at all stays here and is told how to get one.
 */
export const requireCabinet = cache(async () => {
  const { session, places } = await getRequestPlaces();
  if (!session) redirect("/login");
  if (!session.person) redirect("/register");
  const resolved = await resolveActor(session, "self", places);
  if (!resolved.ok) redirect("/login");
  const value = resolved.value;
  if (value.kind === "staff" || value.kind === "operator" || value.kind === "counterparty") {
    redirect(homePath(PLACE_HOME[value.kind]));
  }
  const actor = value as MemberActor | PersonActor;
  const partner =
    actor.kind === "member" ? (places.cabinets.find((c) => c.partnerId === actor.partnerId) ?? null) : null;
  const modules = actor.kind === "member" ? CABINET_MODULES.filter((m) => can(actor.rights, m.right)) : [];
  return { session, person: session.person, actor, partner, modules, places };
});

/** For a page of one module: the not-found page unless the member holds its right (never a hint that it exists). */
export async function requireModule(key: string) {
  const cabinet = await requireCabinet();
  const found = cabinet.modules.find((m) => m.key === key);
  if (!found || cabinet.actor.kind !== "member") notFound();
  return { ...cabinet, actor: cabinet.actor, module: found };
}
