import { logout } from "@/lib/auth/actions/logout";
import { revokeOtherSessions } from "@/lib/auth/actions/revoke-other-sessions";
import { revokeSession } from "@/lib/auth/actions/revoke-session";
import { setLocale } from "@/lib/person/actions/set-locale";
import { updatePersonalData } from "@/lib/person/actions/update-personal-data";
import { registerPartner } from "@/lib/registration/actions/register-partner";
import { switchCabinet } from "@/lib/tenancy/actions/switch-cabinet";

/** Every declared action. Tests walk this list, so an action missing here is an action untested. */
export const ACTIONS = [registerPartner, logout, revokeSession, revokeOtherSessions, updatePersonalData, setLocale, switchCabinet] as const;
