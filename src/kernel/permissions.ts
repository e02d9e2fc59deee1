// Roles, partner departments and the permission registry. Each module registers its own actions
// (`modules/<m>/permissions.ts`) and checks them with the `allow` that registration hands back, so an
// action is always registered before it is checked and a misspelt one does not compile.
import type { AreaLevel } from './areas.ts';
import { AppError } from './errors.ts';

export const ROLES = [
  'village_clerk',
  'township_caseworker',
  'county_approver',
  'prefecture_admin',
  'auditor',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

/** The area level a user of each role belongs to (partners and auditors may sit at any level). */
export const ROLE_LEVELS: Record<Role, readonly AreaLevel[]> = {
  village_clerk: ['village'],
  township_caseworker: ['township'],
  county_approver: ['county'],
  prefecture_admin: ['prefecture'],
  auditor: ['prefecture', 'county', 'township'],
  partner: ['prefecture', 'county', 'township'],
};

export const ROLE_LABELS: Record<Role, string> = {
  village_clerk: '村（社区）社会救助协理员',
  township_caseworker: '乡镇（街道）经办员',
  county_approver: '县级民政部门审批员',
  prefecture_admin: '州民政局工作人员',
  auditor: '审计监督员',
  partner: '协作部门',
};

/** Labels of everyone an action may be granted to. */
export const GRANTEE_LABELS: Record<Grantee, string> = { ...ROLE_LABELS, citizen: '申请人本人' };

/** Partner departments of one-window intake (referrals, verification data). */
export const DEPARTMENTS = [
  'education',
  'housing',
  'human_resources',
  'medical_security',
  'disability_federation',
  'emergency_management',
  'health',
  'public_security',
  'natural_resources',
  'tax',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** `module.verb`, e.g. `cases.write`. */
export type Action = `${string}.${string}`;

/** Who may check permissions: a user's role, a citizen, or the system with its grants (all for the CLI and jobs). */
export type PermissionHolder =
  | { readonly role: Role | 'citizen' }
  | { readonly role: 'system'; readonly grants?: 'all' | readonly Action[] };

/** Who may be granted an action: a staff or partner role, or a citizen (the portal's own actions). */
export type Grantee = Role | 'citizen';

const GRANTS = new Map<Action, ReadonlySet<Grantee>>();

/**
 * Registers a module's actions with the roles granted each, and returns the module's own `allow`,
 * typed to its actions. Registering an action twice is a programming error.
 */
export function registerPermissions<A extends Action>(table: Readonly<Record<A, readonly Grantee[]>>) {
  for (const [action, roles] of Object.entries(table) as [A, readonly Grantee[]][]) {
    if (GRANTS.has(action)) throw new Error(`permission ${action} registered twice`);
    GRANTS.set(action, new Set(roles));
  }
  return (holder: PermissionHolder, action: A): void => allowAction(holder, action);
}

export function roleAllows(role: Grantee, action: Action): boolean {
  const roles = GRANTS.get(action);
  if (!roles) throw new Error(`permission ${action} is not registered`);
  return roles.has(role);
}

/** Throws 403 unless the holder's role has the action (the system scope has every action). */
export function allowAction(holder: PermissionHolder, action: Action): void {
  if (holder.role === 'system') {
    if (!GRANTS.has(action)) throw new Error(`permission ${action} is not registered`);
    const grants = 'grants' in holder ? (holder.grants ?? 'all') : 'all';
    if (grants !== 'all' && !grants.includes(action)) throw AppError.forbidden(`接入系统未获授权：${action}`, { action });
    return;
  }
  if (!roleAllows(holder.role, action)) throw AppError.forbidden('您的角色无权执行此操作', { action });
}

/** Whether the holder's role has the action (what `allowAction` would let through), without throwing. */
export function mayAct(holder: PermissionHolder, action: Action): boolean {
  if (holder.role === 'system') {
    const grants = 'grants' in holder ? (holder.grants ?? 'all') : 'all';
    return GRANTS.has(action) && (grants === 'all' || grants.includes(action));
  }
  return roleAllows(holder.role, action);
}

/** Every registered action, in registration order. */
export function registeredActions(): Action[] {
  return [...GRANTS.keys()];
}

export function permissionsOf(role: Grantee): Action[] {
  return registeredActions().filter((a) => roleAllows(role, a));
}
