import { apiError, bearerSession, json, requestMeta, withApiErrors } from "@/lib/api/http";
import { ownPlacesLoader } from "@/lib/person/queries";

/** GET: the person behind the token, the cabinets they can enter and their other places. */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const session = await bearerSession(request);
  if (!session) return apiError(request, 401, "unauthenticated", "unauthenticated");
  if (!session.person) {
    return json({
      person: null,
      phone: session.phone,
      registrationRequired: true,
      cabinets: [],
      desks: [],
      operatorRole: null,
      activePartnerId: null,
      activePlace: null,
    });
  }
  const result = await ownPlacesLoader.run({}, { session, meta: requestMeta(request) });
  if (!result.ok) return apiError(request, 401, "unauthenticated", "unauthenticated");
  const { activePlace, activePartnerId, cabinets, desks, operatorRole } = result.data;
  return json({
    person: {
      id: session.person.id,
      name: session.person.name,
      email: session.person.email,
      phone: session.phone,
      locale: session.person.locale,
    },
    registrationRequired: false,
    activePartnerId,
    activePlace,
    cabinets,
    desks,
    operatorRole,
    sessionExpiresAt: session.expiresAt.toISOString(),
  });
});
