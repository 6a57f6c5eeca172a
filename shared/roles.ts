/** Roles a person can hold. Everyone who opens the app is at least `user`. */
export const ROLES = ['user', 'station', 'town', 'district', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles, from the narrowest scope to the widest. */
export const STAFF_ROLES = ['station', 'town', 'district', 'admin'] as const satisfies readonly Role[];

/** Display names for roles (UI text). */
export const ROLE_LABELS: Record<Role, string> = {
  user: '群众',
  station: '村（社区）工作室',
  town: '镇街妇联',
  district: '区妇联',
  admin: '区妇联管理员',
};

/** Whether a person holding `role` may call an action open to `allowed`; admin may call everything. */
export function roleAllowed(role: Role, allowed: readonly Role[] | 'any'): boolean {
  if (allowed === 'any') return true;
  return role === 'admin' || allowed.includes(role);
}
