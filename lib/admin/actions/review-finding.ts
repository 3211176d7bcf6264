import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors/app-error";
import { reviewFindingSchema } from "../schemas";

/**
 * Marks a finding reviewed: it leaves the open list, and the detection job raises the same rule and
 * subject again only for activity after its last-seen time.
 */
export const reviewFinding = defineAction({
  name: "admin.reviewFinding",
  input: reviewFindingSchema,
  access: { operator: "platform.security.manage" },
  audit: "security.finding_reviewed",
  async handler({ input, tx, actor }) {
    const finding = await tx.suspiciousActivity.findUnique({
      where: { id: input.findingId },
      select: { id: true, rule: true, subjectType: true, personId: true, status: true, count: true },
    });
    if (!finding) throw notFound();
    // Conditional, so two operators reviewing at once record it once.
    const updated = await tx.suspiciousActivity.updateMany({
      where: { id: finding.id, status: "OPEN" },
      data: { status: "REVIEWED", openKey: null, reviewedAt: now(), reviewedById: actor.personId },
    });
    if (updated.count === 0) throw new AppError("conflict", "finding_already_reviewed");
    return {
      data: { findingId: finding.id },
      audit: {
        targetType: "suspicious_activity",
        targetId: finding.id,
        details: {
          rule: finding.rule,
          subjectType: finding.subjectType,
          personId: finding.personId,
          count: finding.count,
        },
      },
    };
  },
});
