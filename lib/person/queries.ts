import { listActiveSessions } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

/** What the profile page shows a person about themselves. */
export async function getOwnProfile(personId: string) {
  const db = getDb();
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, email: true, phone: true, locale: true },
  });
  const sessions = await db.$transaction((tx) => listActiveSessions(tx, personId));
  return { person, sessions };
}
