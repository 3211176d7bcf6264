import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type {
  MemberRole,
  OperatorRole,
  PartnerStatus,
  PartnerType,
  PrismaClient,
  StaffRole,
} from "@/lib/generated/prisma/client";

/** A Partner cabinet the person is an active member of. */
export interface CabinetPlace {
  partnerId: string;
  name: string;
  type: PartnerType;
  status: PartnerStatus;
  role: MemberRole;
  rights: unknown;
  documentCategories: string[];
  /** A visitor's demo cabinet: when it will be removed (ISO), else null. */
  demoExpiresAt: string | null;
}

/** An outsourcing company the person works for, with the Partners they reach there. */
export interface DeskPlace {
  staffMemberId: string;
  companyId: string;
  companyName: string;
  role: StaffRole;
  /** Partners the company serves that this person reaches: all of them for a manager, else those assigned. */
  partnerIds: string[];
}

/** Every place a person can act in; read in one statement per request. */
export interface Places {
  cabinets: CabinetPlace[];
  desks: DeskPlace[];
  operatorRole: OperatorRole | null;
  /** Partners that shared something with the person that is still live (not expired, not revoked). */
  sharedPartnerIds: string[];
  /** Open invitations to the person's phone (the header's count; the invitations page lists them). */
  pendingInvitations: number;
  /** The person's notifications not yet read (the header's bell; the bell's stream keeps it current). */
  unreadNotifications: number;
}

export const NO_PLACES: Places = {
  cabinets: [],
  desks: [],
  operatorRole: null,
  sharedPartnerIds: [],
  pendingInvitations: 0,
  unreadNotifications: 0,
};

/**
 * Reads all of a person's places in one statement: active memberships of open Partners, staff
 * rows with the Partners each reaches (OPS-1: the company serves the Partner, and the person is
 * its manager or assigned to it), the operator role, the Partners of live share grants, how many
 * invitations to the person's phone are open and how many of their notifications are unread (the
 * header's counts, so the header costs no statement of its own). Inside a transaction, pass its
 * client: the embedded database has a single connection.
 */
export async function loadPlaces(personId: string, db: Pick<PrismaClient, "$queryRaw"> = getDb()): Promise<Places> {
  const [row] = await db.$queryRaw<Places[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'partnerId', m."partnerId", 'name', p.name, 'type', p.type, 'status', p.status, 'role', m.role, 'demoExpiresAt', p."demoExpiresAt",
                'rights', m.rights, 'documentCategories', m."documentCategories") ORDER BY m."createdAt"), '[]'::json)
         FROM membership m JOIN partner p ON p.id = m."partnerId"
        WHERE m."personId" = ${personId}::uuid AND m.status = 'ACTIVE' AND p.status IN ('DEMO', 'ACTIVE')) AS cabinets,
      (SELECT coalesce(json_agg(json_build_object(
                'staffMemberId', s.id, 'companyId', s."companyId", 'companyName', c.name, 'role', s.role,
                'partnerIds', CASE WHEN s.role = 'MANAGER'
                  THEN (SELECT coalesce(array_agg(p.id), '{}') FROM partner p WHERE p."outsourcingCompanyId" = s."companyId")
                  ELSE (SELECT coalesce(array_agg(DISTINCT a."partnerId"), '{}')
                          FROM staff_assignment a JOIN partner p ON p.id = a."partnerId"
                         WHERE a."staffMemberId" = s.id AND p."outsourcingCompanyId" = s."companyId")
                END) ORDER BY s."createdAt"), '[]'::json)
         FROM staff_member s JOIN outsourcing_company c ON c.id = s."companyId"
        WHERE s."personId" = ${personId}::uuid) AS desks,
      (SELECT o.role FROM operator o WHERE o."personId" = ${personId}::uuid) AS "operatorRole",
      (SELECT coalesce(array_agg(DISTINCT g."partnerId"::text), '{}'::text[]) FROM share_grant g
        WHERE g."personId" = ${personId}::uuid AND g."revokedAt" IS NULL
          AND g."expiresAt" > ${now().toISOString()}::timestamp(3)) AS "sharedPartnerIds",
      (SELECT count(*)::int FROM invitation i JOIN partner p ON p.id = i."partnerId"
        WHERE i.phone = (SELECT phone FROM person WHERE id = ${personId}::uuid) AND i.status = 'PENDING'
          AND i."expiresAt" > ${now().toISOString()}::timestamp(3) AND p.status IN ('DEMO', 'ACTIVE')) AS "pendingInvitations",
      (SELECT count(*)::int FROM notification n
        WHERE n."personId" = ${personId}::uuid AND n."readAt" IS NULL) AS "unreadNotifications"`;
  return row ?? NO_PLACES;
}

/** True when the person has somewhere to act at all. */
export function hasAnyPlace(places: Places): boolean {
  return (
    places.cabinets.length > 0 ||
    places.desks.length > 0 ||
    places.operatorRole !== null ||
    places.sharedPartnerIds.length > 0
  );
}
