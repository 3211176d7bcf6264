/** Roles of outsourcer staff, in the order forms offer them (no server imports: forms use it too). */
export const STAFF_ROLES = ["MANAGER", "ACCOUNTANT", "LAWYER", "HR_ASSISTANT"] as const;
