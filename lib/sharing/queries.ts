import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";

/**
 * A counterparty's home (DOC-4): the Partners whose shares with this person are live. The documents
 * of each share come with the sharing module; the scope already admits only these Partners.
 */
export const sharedHomeLoader = defineLoader({
  name: "sharing.home",
  access: { counterparty: "shared.view" },
  input: z.object({}),
  async load({ db }) {
    return db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, taxId: true } });
  },
});
