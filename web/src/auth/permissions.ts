import type { Role } from '../api/types.ts';

// Mirrors the server's grant table so the UI hides what the API would refuse; the API decides.
export type UiAction = 'users.read' | 'users.manage' | 'audit.read' | 'audit.verify';

const GRANTS: Record<Role, readonly UiAction[]> = {
  village_clerk: [],
  township_caseworker: ['users.read'],
  county_approver: ['users.read', 'users.manage', 'audit.read'],
  prefecture_admin: ['users.read', 'users.manage', 'audit.read', 'audit.verify'],
  auditor: ['users.read', 'audit.read', 'audit.verify'],
  partner: [],
};

export function can(role: Role, action: UiAction): boolean {
  return GRANTS[role].includes(action);
}
