import { z } from "zod";
import { notFound } from "@/lib/errors/app-error";
import { defineLoader } from "@/lib/tenancy/loader";
import { PROFILE_SELECT } from "./profile";

/**
 * The requisites of a Partner (ORG-1, ORG-2): a member reads their own cabinet's (whatever the
 * input says), staff a Partner they reach, an operator any. The scoped client answers "not found"
 * for anything else.
 */
export const companyProfileLoader = defineLoader({
  name: "partner.profile",
  access: { member: "profile.view", staff: "desk.partner.view", operator: "platform.partners.view" },
  input: z.object({ partnerId: z.uuid().optional() }),
  async load({ input, db, actor }) {
    const id = actor.kind === "member" ? actor.partnerId : input.partnerId;
    if (!id) throw notFound();
    const profile = await db.partner.findUnique({ where: { id }, select: { id: true, ...PROFILE_SELECT } });
    if (!profile) throw notFound();
    return profile;
  },
});

export type CompanyProfile = Awaited<ReturnType<(typeof companyProfileLoader)["load"]>>;
