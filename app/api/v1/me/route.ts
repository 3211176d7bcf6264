import { apiError, bearerSession, json, withApiErrors } from "@/lib/api/http";
import { choosePlace } from "@/lib/tenancy/actor";
import { loadPlaces } from "@/lib/tenancy/places";

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
  const places = await loadPlaces(session.person.id);
  const active = choosePlace(session, places);
  const cabinets = places.cabinets.map((c) => ({
    partnerId: c.partnerId,
    name: c.name,
    type: c.type,
    status: c.status,
    role: c.role,
  }));
  return json({
    person: {
      id: session.person.id,
      name: session.person.name,
      email: session.person.email,
      phone: session.phone,
      locale: session.person.locale,
    },
    registrationRequired: false,
    activePartnerId: active?.kind === "CABINET" ? active.partnerId : null,
    activePlace: active?.kind ?? null,
    cabinets,
    desks: places.desks.map((d) => ({ companyId: d.companyId, name: d.companyName, role: d.role })),
    operatorRole: places.operatorRole,
    sessionExpiresAt: session.expiresAt.toISOString(),
  });
});
