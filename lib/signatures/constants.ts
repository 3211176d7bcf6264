/** Routes for approval and signature (DOC-5). Import-free: client components read these lists too. */
export const ROUTE_PURPOSES = ["SIGNATURE", "APPROVAL"] as const;
export type RoutePurpose = (typeof ROUTE_PURPOSES)[number];
export const ROUTE_ORDERINGS = ["SEQUENTIAL", "PARALLEL"] as const;
export type RouteOrdering = (typeof ROUTE_ORDERINGS)[number];
export type RouteStatus = "ACTIVE" | "COMPLETED" | "DECLINED" | "EXPIRED";
export type StepStatus = "WAITING" | "APPROVED" | "SIGNED" | "DECLINED";
export type StepSide = "member" | "staff" | "counterparty";

/** The most people one route may hold. */
export const MAX_ROUTE_STEPS = 20;
/** A route's deadline when none is chosen, and the furthest one may be. */
export const DEFAULT_ROUTE_DAYS = 7;
export const MAX_ROUTE_DAYS = 90;
/** A waiting step is reminded once, this long before the deadline. */
export const REMIND_BEFORE_MS = 24 * 60 * 60 * 1000;
/** A counterparty's share made for a route lasts this long past the deadline, so they still see what they signed. */
export const ROUTE_SHARE_EXTRA_DAYS = 14;
/** Public verification checks per address and hour. */
export const VERIFY_PER_IP_PER_HOUR = 60;
/** Length of the public short id (base32-like letters and digits). */
export const SHORT_ID_LENGTH = 10;
/** The largest CMS an ЭЦП signature may send (base64 characters): a detached CMS with its chain is a few KB. */
export const MAX_ECP_CMS_CHARS = 64 * 1024;
/** Where NCALayer is installed from (the national CA's page), shown when it is not running. */
export const NCALAYER_INSTALL_URL = "https://pki.gov.kz/ncalayer/";
