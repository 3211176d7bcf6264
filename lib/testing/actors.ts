import { getDb } from "@/lib/db/client";
import { rightsForMember, rightsForOperator, rightsForStaff } from "@/lib/permissions/catalog";
import type { Requirement } from "@/lib/tenancy/actor";
import { addMember, login, registerPartner, uniquePhone } from "./integration";

/** Every kind of caller the action and read matrices try, in the order they act. */
export const CALLERS = [
  "anonymous",
  "noRole",
  "expiredCounterparty",
  "counterparty",
  "staffOtherCompany",
  "staffUnassigned",
  "staffAssigned",
  "staffManager",
  "operatorSupport",
  "operatorAdmin",
  "otherPartner",
  "restrictedWithout",
  "restrictedWith",
  "full",
  "primary",
] as const;
export type Caller = (typeof CALLERS)[number];

export const MEMBERS_OF_A: readonly Caller[] = ["primary", "full", "restrictedWith", "restrictedWithout"];

/** A logged-in person of a world, with their session token. */
export interface Person {
  personId: string;
  phone: string;
  token: string;
}

/**
 * Partner A (served by company X) with every kind of member, Partner B (served by company Y), staff of
 * X (a manager, an accountant assigned to A, a lawyer not assigned) and of Y, both operator roles, a
 * counterparty holding a live grant of A, one whose grant of A expired, and a person with no role at all.
 */
export async function actorWorld(restrictedRights: Record<string, string> = {}) {
  const db = getDb();
  const a = await registerPartner();
  const b = await registerPartner();
  const full = await addMember(a.partnerId, "FULL");
  const restrictedWith = await addMember(a.partnerId, "RESTRICTED", restrictedRights);
  const restrictedWithout = await addMember(a.partnerId, "RESTRICTED", {});
  const x = await db.outsourcingCompany.create({ data: { name: `Аутсорсинг X ${uniquePhone()}` } });
  const y = await db.outsourcingCompany.create({ data: { name: `Аутсорсинг Y ${uniquePhone()}` } });
  await db.partner.update({ where: { id: a.partnerId }, data: { outsourcingCompanyId: x.id } });
  await db.partner.update({ where: { id: b.partnerId }, data: { outsourcingCompanyId: y.id } });

  const person = async (name: string) => {
    const phone = uniquePhone();
    const row = await db.person.create({ data: { phone, name, adultConfirmedAt: new Date() } });
    return { personId: row.id, phone };
  };
  const staff = async (companyId: string, role: "MANAGER" | "ACCOUNTANT" | "LAWYER", name: string) => {
    const p = await person(name);
    const row = await db.staffMember.create({ data: { companyId, personId: p.personId, role } });
    return { ...p, staffMemberId: row.id, token: await login(p.phone) };
  };
  const staffManager = await staff(x.id, "MANAGER", "Менеджер X");
  const staffAssigned = await staff(x.id, "ACCOUNTANT", "Бухгалтер X");
  const staffUnassigned = await staff(x.id, "LAWYER", "Юрист X");
  const staffOtherCompany = await staff(y.id, "ACCOUNTANT", "Бухгалтер Y");
  await db.staffAssignment.create({
    data: { partnerId: a.partnerId, staffMemberId: staffAssigned.staffMemberId, responsibility: "ACCOUNTING" },
  });
  const operator = async (role: "ADMIN" | "SUPPORT") => {
    const p = await person(`Оператор ${role}`);
    await db.operator.create({ data: { personId: p.personId, role } });
    return { ...p, token: await login(p.phone) };
  };
  const operatorAdmin = await operator("ADMIN");
  const operatorSupport = await operator("SUPPORT");
  const grantee = async (expiresAt: Date) => {
    const p = await person("Контрагент");
    await db.shareGrant.create({
      data: { partnerId: a.partnerId, personId: p.personId, createdById: a.personId, expiresAt, rights: ["view"] },
    });
    return { ...p, token: await login(p.phone) };
  };
  const counterparty = await grantee(new Date(Date.now() + 86_400_000));
  const expiredCounterparty = await grantee(new Date(Date.now() - 1000));
  const noRolePerson = await person("Без роли");
  const noRole = { ...noRolePerson, token: await login(noRolePerson.phone) };

  const people: Record<Exclude<Caller, "anonymous">, Person> = {
    noRole,
    expiredCounterparty,
    counterparty,
    staffOtherCompany,
    staffUnassigned,
    staffAssigned,
    staffManager,
    operatorSupport,
    operatorAdmin,
    otherPartner: b,
    restrictedWithout,
    restrictedWith,
    full,
    primary: a,
  };
  return {
    a,
    b,
    companies: { x, y },
    staff: { staffManager, staffAssigned, staffUnassigned, staffOtherCompany },
    people,
    token: (caller: Caller) => (caller === "anonymous" ? null : people[caller].token),
    personId: (caller: Caller) => (caller === "anonymous" ? null : people[caller].personId),
  };
}

export type ActorWorld = Awaited<ReturnType<typeof actorWorld>>;

export type Want = "allowed" | "not_found" | "unauthenticated" | "own";

const MEMBER_ROLES: Partial<Record<Caller, [string, "restricted" | null]>> = {
  primary: ["PRIMARY", null],
  full: ["FULL", null],
  restrictedWith: ["RESTRICTED", "restricted"],
  restrictedWithout: ["RESTRICTED", null],
};
/** Staff who reach Partner A: the serving company's manager, and its accountant assigned to A. */
const STAFF: Partial<Record<Caller, [string, boolean]>> = {
  staffManager: ["MANAGER", true],
  staffAssigned: ["ACCOUNTANT", true],
  staffUnassigned: ["LAWYER", false],
  staffOtherCompany: ["ACCOUNTANT", false],
};
const OPERATORS: Partial<Record<Caller, string>> = { operatorAdmin: "ADMIN", operatorSupport: "SUPPORT" };

/** What the catalogue says a caller may do with an action aimed at Partner A. */
export function expected(
  access: Requirement | "public",
  caller: Caller,
  restrictedRights: Record<string, string>,
): Want {
  // The public catalogue is the same for everyone, anonymous visitors included.
  if (access === "public" || access === "visitor") return "allowed";
  if (caller === "anonymous") return "unauthenticated";
  if (access === "self" || access === "session") return "allowed";
  if (access === "registration") return "own";
  // Another Partner's primary user acts in their own cabinet: A's ids must find nothing there.
  if (caller === "otherPartner") return access.member ? "own" : "not_found";
  const member = MEMBER_ROLES[caller];
  if (member) {
    const rights = rightsForMember(member[0], member[1] ? restrictedRights : {});
    return access.member && rights.has(access.member) ? "allowed" : "not_found";
  }
  const staff = STAFF[caller];
  if (staff) return access.staff && staff[1] && rightsForStaff(staff[0]).has(access.staff) ? "allowed" : "not_found";
  const operator = OPERATORS[caller];
  if (operator) return access.operator && rightsForOperator(operator).has(access.operator) ? "allowed" : "not_found";
  if (caller === "counterparty") return access.counterparty === "shared.view" ? "allowed" : "not_found";
  // An expired grant, no role at all.
  return "not_found";
}
