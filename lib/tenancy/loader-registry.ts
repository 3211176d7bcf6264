import { adminCatalogueLoader, adminInvoicesLoader, invoicePdfLoader, planLoader } from "@/lib/billing/queries";
import { securityOverviewLoader } from "@/lib/admin/security-queries";
import {
  adminPartnersLoader,
  companiesLoader,
  jobHealthLoader,
  partnerStatusLoader,
  platformOverviewLoader,
} from "@/lib/admin/queries";
import { chainStatusLoader } from "@/lib/audit/chain-status";
import { ownInvitationsLoader, partnerUsersLoader } from "@/lib/members/queries";
import { ownPlacesLoader, ownProfileLoader } from "@/lib/person/queries";
import { auditCsvLoader } from "@/lib/audit/log-export";
import { auditLogLoader, auditReportLoader, recentActivityLoader } from "@/lib/audit/log-loaders";
import { openInvitationsLoader, servingCompanyLoader } from "@/lib/cabinet-home/queries";
import { deskPartnerLoader, servedPartnersLoader } from "@/lib/desk/queries";
import {
  deskDocumentsLoader,
  documentDetailLoader,
  documentFileLoader,
  documentLibraryLoader,
  uploadTargetLoader,
} from "@/lib/documents/queries";
import {
  deskRequestsLoader,
  requestDetailLoader,
  requestListLoader,
  requestTranscriptLoader,
} from "@/lib/requests/queries";
import { closedCabinetsLoader } from "@/lib/partner/closed-cabinets";
import { companyProfileLoader } from "@/lib/partner/queries";
import {
  documentSharesLoader,
  partnerSharesLoader,
  sharedDocumentLoader,
  sharedFileLoader,
  sharedHomeLoader,
} from "@/lib/sharing/queries";
import {
  documentRoutesLoader,
  routePeopleLoader,
  signatureCmsLoader,
  signatureSheetLoader,
  stepContentLoader,
  verifyLinkLoader,
  verifyLoader,
} from "@/lib/signatures/queries";
import { maintenanceNoticeLoader, maintenanceWindowsLoader } from "@/lib/maintenance/queries";
import { platformAuditCsvLoader, platformAuditLoader } from "@/lib/audit/platform-loaders";
import { notificationListLoader, notificationPreferencesLoader, unreadCountLoader } from "@/lib/notifications/queries";
import { serviceListLoader, tariffDetailLoader, tariffListLoader } from "@/lib/tariffs/queries";
import { calendarYearLoader } from "@/lib/calendar/queries";
import { demoConversionLoader } from "@/lib/demo/queries";

/** Every declared read. The read matrix walks this list, so a loader missing here is a read untested. */
export const LOADERS = [
  companyProfileLoader,
  chainStatusLoader,
  auditCsvLoader,
  servedPartnersLoader,
  deskPartnerLoader,
  platformOverviewLoader,
  adminPartnersLoader,
  companiesLoader,
  sharedHomeLoader,
  partnerUsersLoader,
  ownInvitationsLoader,
  ownProfileLoader,
  ownPlacesLoader,
  auditLogLoader,
  auditReportLoader,
  recentActivityLoader,
  openInvitationsLoader,
  servingCompanyLoader,
  jobHealthLoader,
  tariffListLoader,
  tariffDetailLoader,
  serviceListLoader,
  partnerStatusLoader,
  closedCabinetsLoader,
  demoConversionLoader,
  documentLibraryLoader,
  deskDocumentsLoader,
  documentDetailLoader,
  uploadTargetLoader,
  documentFileLoader,
  securityOverviewLoader,
  maintenanceWindowsLoader,
  maintenanceNoticeLoader,
  platformAuditLoader,
  platformAuditCsvLoader,
  calendarYearLoader,
  notificationListLoader,
  unreadCountLoader,
  notificationPreferencesLoader,
  sharedDocumentLoader,
  sharedFileLoader,
  partnerSharesLoader,
  documentSharesLoader,
  documentRoutesLoader,
  routePeopleLoader,
  signatureSheetLoader,
  signatureCmsLoader,
  stepContentLoader,
  verifyLoader,
  verifyLinkLoader,
  planLoader,
  invoicePdfLoader,
  adminInvoicesLoader,
  adminCatalogueLoader,
  requestListLoader,
  deskRequestsLoader,
  requestDetailLoader,
  requestTranscriptLoader,
] as const;
