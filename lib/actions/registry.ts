import { addStaffMember } from "@/lib/admin/actions/add-staff-member";
import { activatePartner } from "@/lib/admin/actions/activate-partner";
import { liftPhoneLock } from "@/lib/admin/actions/lift-phone-lock";
import { restorePartner } from "@/lib/admin/actions/restore-partner";
import { setServingCompany } from "@/lib/admin/actions/set-serving-company";
import { suspendPartner } from "@/lib/admin/actions/suspend-partner";
import { logout } from "@/lib/auth/actions/logout";
import { convertDemo } from "@/lib/demo/actions/convert-demo";
import { createDemo } from "@/lib/demo/actions/create-demo";
import { requestConversionCode } from "@/lib/demo/actions/request-conversion-code";
import { commitVersion } from "@/lib/documents/actions/add-version";
import { archiveDocument } from "@/lib/documents/actions/archive";
import { downloadDocumentFile, viewDocumentFile } from "@/lib/documents/actions/open";
import { recordUploadRefusal } from "@/lib/documents/actions/refuse";
import { sendDocument } from "@/lib/documents/actions/send";
import { commitUpload } from "@/lib/documents/actions/upload";
import { assignStaff } from "@/lib/desk/actions/assign-staff";
import { unassignStaff } from "@/lib/desk/actions/unassign-staff";
import { requestStepUpCode } from "@/lib/auth/actions/request-step-up-code";
import { revokeOtherSessions } from "@/lib/auth/actions/revoke-other-sessions";
import { revokeSession } from "@/lib/auth/actions/revoke-session";
import { acceptInvitation } from "@/lib/members/actions/accept-invitation";
import { cancelInvitation } from "@/lib/members/actions/cancel-invitation";
import { changeMemberRights } from "@/lib/members/actions/change-member-rights";
import { inviteMember } from "@/lib/members/actions/invite-member";
import { resendInvitation } from "@/lib/members/actions/resend-invitation";
import { revokeMember } from "@/lib/members/actions/revoke-member";
import { updateCompanyProfile } from "@/lib/partner/actions/update-company-profile";
import { setLocale } from "@/lib/person/actions/set-locale";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";
import { joinPartnerByInvitation } from "@/lib/registration/actions/join-by-invitation";
import { blockPerson } from "@/lib/admin/actions/block-person";
import { reviewFinding } from "@/lib/admin/actions/review-finding";
import { unblockPerson } from "@/lib/admin/actions/unblock-person";
import { registerPartner } from "@/lib/registration/actions/register-partner";
import { addRequestNote } from "@/lib/requests/actions/add-note";
import { assignRequests } from "@/lib/requests/actions/assign";
import { createRequest } from "@/lib/requests/actions/create-request";
import { markRequestRead } from "@/lib/requests/actions/mark-read";
import { postMessage } from "@/lib/requests/actions/post-message";
import { setRequestStatus } from "@/lib/requests/actions/set-status";
import { switchPlace } from "@/lib/tenancy/actions/switch-place";
import { cancelMaintenance } from "@/lib/maintenance/actions/cancel-maintenance";
import { scheduleMaintenance } from "@/lib/maintenance/actions/schedule-maintenance";
import { removeCalendarDay } from "@/lib/calendar/actions/remove-calendar-day";
import { saveCalendarDay } from "@/lib/calendar/actions/save-calendar-day";
import { setWorkingHours } from "@/lib/calendar/actions/set-working-hours";
import { markNotificationsRead } from "@/lib/notifications/actions/mark-read";
import { setNotificationPreference } from "@/lib/notifications/actions/set-preference";
import { commentShared } from "@/lib/sharing/actions/comment";
import { createShare } from "@/lib/sharing/actions/create-share";
import { approveShared, rejectShared } from "@/lib/sharing/actions/decide";
import { downloadSharedFile, viewSharedFile } from "@/lib/sharing/actions/open";
import { revokeShare } from "@/lib/sharing/actions/revoke-share";
import { createRoute } from "@/lib/signatures/actions/create-route";
import { approveStep, declineStep, requestSignCode, signStep } from "@/lib/signatures/actions/sign";
import { signStepEcp } from "@/lib/signatures/actions/sign-ecp";
import { cancelInvoice } from "@/lib/billing/actions/cancel-invoice";
import { changeTariff } from "@/lib/billing/actions/change-tariff";
import { markInvoicePaid } from "@/lib/billing/actions/mark-invoice-paid";
import { orderService } from "@/lib/billing/actions/order-service";
import { addTariffPrice } from "@/lib/tariffs/actions/add-tariff-price";
import { updateService } from "@/lib/tariffs/actions/update-service";
import { updateTariff } from "@/lib/tariffs/actions/update-tariff";

/** Every declared action. Tests walk this list, so an action missing here is an action untested. */
export const ACTIONS = [
  registerPartner,
  logout,
  revokeSession,
  revokeOtherSessions,
  updatePersonalData,
  setLocale,
  switchPlace,
  requestStepUpCode,
  updateCompanyProfile,
  inviteMember,
  resendInvitation,
  cancelInvitation,
  changeMemberRights,
  revokeMember,
  acceptInvitation,
  joinPartnerByInvitation,
  assignStaff,
  unassignStaff,
  addStaffMember,
  setServingCompany,
  activatePartner,
  suspendPartner,
  restorePartner,
  liftPhoneLock,
  commitUpload,
  commitVersion,
  sendDocument,
  archiveDocument,
  viewDocumentFile,
  downloadDocumentFile,
  recordUploadRefusal,
  blockPerson,
  unblockPerson,
  reviewFinding,
  scheduleMaintenance,
  cancelMaintenance,
  saveCalendarDay,
  removeCalendarDay,
  setWorkingHours,
  createDemo,
  requestConversionCode,
  convertDemo,
  markNotificationsRead,
  setNotificationPreference,
  createShare,
  revokeShare,
  commentShared,
  approveShared,
  rejectShared,
  viewSharedFile,
  downloadSharedFile,
  createRoute,
  requestSignCode,
  signStep,
  signStepEcp,
  approveStep,
  declineStep,
  changeTariff,
  orderService,
  markInvoicePaid,
  cancelInvoice,
  updateTariff,
  addTariffPrice,
  updateService,
  createRequest,
  postMessage,
  setRequestStatus,
  assignRequests,
  addRequestNote,
  markRequestRead,
] as const;
