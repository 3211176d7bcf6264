import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";
import { verifyPartnerChain } from "./log-queries";

/**
 * The integrity of the active Partner's audit chain, for members with the audit right; anyone else
 * gets "not found". Asked for by the audit page after it has loaded, since a long chain takes
 * seconds to recompute and the list must not wait for it.
 */
export const chainStatusLoader = defineLoader({
  name: "audit.chainStatus",
  access: { member: "audit.view" },
  input: z.object({}),
  load: ({ db, actor }) => verifyPartnerChain(db, actor.partnerId),
});
