import { z } from "zod";
import { defineLoader } from "@/lib/tenancy/loader";

const personFields = { select: { id: true, name: true, phone: true } } as const;

/**
 * The back office's security page (AUD-5): open findings of the detection job, newest activity
 * first, with the person behind each where known and whether they are blocked; and everyone
 * blocked pending review.
 */
export const securityOverviewLoader = defineLoader({
  name: "admin.security",
  access: { operator: "platform.security.view" },
  input: z.object({}),
  async load({ db }) {
    const [findings, blocks] = await Promise.all([
      db.suspiciousActivity.findMany({
        where: { status: "OPEN" },
        orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
        take: 200,
        select: {
          id: true,
          rule: true,
          subjectType: true,
          subjectKey: true,
          firstSeenAt: true,
          lastSeenAt: true,
          count: true,
          person: { select: { id: true, name: true, phone: true, block: { select: { createdAt: true } } } },
        },
      }),
      db.personBlock.findMany({
        orderBy: [{ createdAt: "desc" }, { personId: "asc" }],
        take: 200,
        select: { reason: true, createdAt: true, findingId: true, person: personFields, blockedBy: personFields },
      }),
    ]);
    return {
      findings: findings.map(({ person, ...f }) => ({
        ...f,
        person: person && { id: person.id, name: person.name, phone: person.phone, blocked: !!person.block },
      })),
      blocks,
    };
  },
});
