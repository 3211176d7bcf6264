import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getWebRequestMeta, getWebSession } from "@/lib/auth/current";
import type { z } from "zod";
import { resolveActor, type PlaceActor } from "./actor";
import { homePath } from "./home";
import type { Loader, ReadRequirement } from "./loader";
import { NO_PLACES, loadPlaces } from "./places";

/**
 * The session and the person's places of the current web request, read once and shared by the
 * layout and the page (two statements: the session row, then every place in one query).
 */
export const getRequestPlaces = cache(async () => {
  const session = await getWebSession();
  const places = session?.person ? await loadPlaces(session.person.id) : NO_PLACES;
  return { session, places };
});

/**
 * Runs a loader for a page: anonymous visitors go to login, verified numbers without a person to
 * registration, and anything refused or out of scope is the not-found page (never a hint that it exists).
 */
export async function load<S extends z.ZodType, O, R extends ReadRequirement>(
  loader: Loader<S, O, R>,
  rawInput: unknown = {},
): Promise<O> {
  // A public read does not look at the session: a visitor and a logged-in person read the same.
  const result =
    loader.access === "public" ? await loader.run(rawInput, { session: null }) : await runWithSession(loader, rawInput);
  if (result.ok) return result.data;
  if (result.code === "unauthenticated") redirect("/login");
  if (result.code === "registration_pending") redirect("/register");
  notFound();
}

async function runWithSession<S extends z.ZodType, O, R extends ReadRequirement>(
  loader: Loader<S, O, R>,
  rawInput: unknown,
) {
  const [{ session, places }, meta] = await Promise.all([getRequestPlaces(), getWebRequestMeta()]);
  return loader.run(rawInput, { session, places, meta });
}

const HOME_OF_KIND = { member: "CABINET", staff: "DESK", operator: "ADMIN", counterparty: "SHARED" } as const;

/**
 * The actor of a place's layout (desk, back office, shared documents): anyone acting elsewhere is
 * sent to the home of their active place; the place's pages still read through loaders.
 */
export async function requirePlace<K extends "staff" | "operator" | "counterparty">(kind: K) {
  const { session, places } = await getRequestPlaces();
  if (!session) redirect("/login");
  if (!session.person) redirect("/register");
  const resolved = await resolveActor(session, "self", places);
  if (!resolved.ok) redirect("/login");
  const actor = resolved.value;
  if (actor.kind !== kind) {
    redirect(homePath(actor.kind in HOME_OF_KIND ? HOME_OF_KIND[actor.kind as keyof typeof HOME_OF_KIND] : null));
  }
  return { session, person: session.person, places, actor: actor as Extract<PlaceActor, { kind: K }> };
}
