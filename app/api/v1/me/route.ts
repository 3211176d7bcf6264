import { apiError, bearerSession, json, withApiErrors } from "@/lib/api/http";
import { getPersonCabinets } from "@/lib/tenancy/cabinets";

/** GET: the person behind the token and the cabinets they can enter. */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  if (!session.person) {
    return json({
      person: null,
      phone: session.phone,
      registrationRequired: true,
      cabinets: [],
      activePartnerId: null,
    });
  }
  const cabinets = await getPersonCabinets(session.person.id);
  return json({
    person: {
      id: session.person.id,
      name: session.person.name,
      email: session.person.email,
      phone: session.phone,
      locale: session.person.locale,
    },
    registrationRequired: false,
    activePartnerId: session.activePartnerId,
    cabinets,
    sessionExpiresAt: session.expiresAt.toISOString(),
  });
});
