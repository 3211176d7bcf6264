import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";

/**
 * What the conversion page needs of the primary user's cabinet: whether it is a demo cabinet that
 * can still be made real (due for the purge), and when it would be deleted otherwise.
 */
export const demoConversionLoader = defineLoader({
  name: "demo.conversion",
  access: { member: "cabinet.close" },
  input: z.object({}),
  async load({ db, actor }) {
    const partner = await db.partner.findUniqueOrThrow({
      where: { id: actor.partnerId },
      select: { id: true, status: true, demoExpiresAt: true },
    });
    return {
      partnerId: partner.id,
      convertible: partner.status === "DEMO" && partner.demoExpiresAt !== null,
      expiresAt: partner.demoExpiresAt,
    };
  },
});
