// The Partner row is the tenant root, not a Partner-owned model, so there is no scoped client
// for it: it is read only by the actor's own partnerId (from requireModule), never from the URL.
import { getDb } from "@/lib/db/client";
import { PROFILE_SELECT } from "./profile";

/** The requisites of the actor's own Partner (ORG-1, ORG-2). */
export async function getCompanyProfile(partnerId: string) {
  return getDb().partner.findUniqueOrThrow({ where: { id: partnerId }, select: PROFILE_SELECT });
}

export type CompanyProfile = Awaited<ReturnType<typeof getCompanyProfile>>;
