import { z } from "zod";
import { listActiveSessions } from "@/lib/auth/session";
import { defineLoader } from "@/lib/tenancy/loader";

/** What the profile page shows a person about themselves: only their own record, by the actor's id. */
export const ownProfileLoader = defineLoader({
  name: "person.ownProfile",
  access: "self",
  input: z.object({}),
  async load({ db, actor }) {
    const person = await db.person.findUniqueOrThrow({
      where: { id: actor.personId },
      select: { name: true, email: true, phone: true, locale: true },
    });
    const sessions = await listActiveSessions(db, actor.personId);
    return { person, sessions };
  },
});
