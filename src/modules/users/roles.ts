import type { AreaLevel } from '../areas/levels.ts';

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

/** Permissions per role: the one policy table; routes ask `allow(scope, action)`. */
export const ACTIONS = [
  'areas.read',
  'areas.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.verify',
  'registry.read',
  'registry.write',
  'registry.unmask',
  'registry.import',
  'registry.export',
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  village_clerk: ['areas.read', 'registry.read', 'registry.write', 'registry.unmask'],
  township_caseworker: ['areas.read', 'users.read', 'registry.read', 'registry.write', 'registry.unmask', 'registry.import', 'registry.export'],
  county_approver: ['areas.read', 'users.read', 'users.manage', 'audit.read', 'registry.read', 'registry.write', 'registry.unmask', 'registry.import', 'registry.export'],
  prefecture_admin: ['areas.read', 'areas.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'registry.read', 'registry.unmask', 'registry.import', 'registry.export'],
  auditor: ['areas.read', 'users.read', 'audit.read', 'audit.verify', 'registry.read'],
  partner: ['areas.read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}
