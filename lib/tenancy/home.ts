import type { PlaceKind } from "@/lib/generated/prisma/client";
import type { ActivePlace } from "./actor";
import type { Places } from "./places";

const HOMES: Record<PlaceKind, string> = { CABINET: "/cabinet", DESK: "/desk", ADMIN: "/admin", SHARED: "/shared" };

/** Where a person lands in a place. */
export function homePath(kind: PlaceKind | null | undefined): string {
  return kind ? HOMES[kind] : "/cabinet";
}

/** The switcher's value of a place: "CABINET:<partnerId>", "DESK:<companyId>", "ADMIN", "SHARED". */
export function placeValue(place: ActivePlace): string {
  if (place.kind === "CABINET") return `CABINET:${place.partnerId}`;
  if (place.kind === "DESK") return `DESK:${place.companyId}`;
  return place.kind;
}

/** Reads a switcher value back into the action's input; the action validates it. */
export function parsePlaceValue(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return {};
  const [kind, id] = value.split(":", 2);
  if (kind === "CABINET") return { kind, partnerId: id };
  if (kind === "DESK") return { kind, companyId: id };
  return { kind };
}

/** Every place a person holds, as the header's switcher lists them. */
export function listPlaces(places: Places): { place: ActivePlace; name: string; role: string }[] {
  return [
    ...places.cabinets.map((c) => ({
      place: { kind: "CABINET" as const, partnerId: c.partnerId },
      name: c.name,
      role: c.role,
    })),
    ...places.desks.map((d) => ({
      place: { kind: "DESK" as const, companyId: d.companyId },
      name: d.companyName,
      role: d.role,
    })),
    ...(places.operatorRole ? [{ place: { kind: "ADMIN" as const }, name: "", role: places.operatorRole }] : []),
    ...(places.sharedPartnerIds.length > 0
      ? [{ place: { kind: "SHARED" as const }, name: "", role: "COUNTERPARTY" }]
      : []),
  ];
}
