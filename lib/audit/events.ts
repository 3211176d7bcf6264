/**
 * Every audit action the platform writes. The audit page translates them through the
 * catalogs ("audit.actions.<name>"), so a new event needs a text in ru, kk and en.
 */
export const AUDIT_ACTIONS = [
  "auth.code_sent",
  "auth.code_send_failed",
  "auth.code_refused",
  "auth.code_wrong",
  "auth.code_no_active",
  "auth.locked",
  "auth.lock_lifted",
  "auth.login",
  "auth.logout",
  "auth.session_revoked",
  "auth.other_sessions_revoked",
  "auth.registered",
  "auth.consent_accepted",
  "auth.step_up_code_sent",
  "person.profile_updated",
  "person.locale_changed",
  "partner.profile_updated",
  "member.invited",
  "member.invitation_resent",
  "member.invitation_cancelled",
  "member.invitation_accepted",
  "member.rights_changed",
  "member.revoked",
  "cabinet.switched",
  "place.switched",
  "staff.assigned",
  "staff.unassigned",
  "staff.added",
  "partner.serving_company_changed",
  "partner.activated",
  "partner.suspended",
  "partner.restored",
  "admin.lock_lifted",
  "audit.exported",
  "action.denied",
  "read.denied",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
