import type { Role } from '../../api/types.ts';

// Mirrors the server's policy grants (src/modules/users/roles.ts) so the UI hides what the API
// would refuse; the API decides.
const MANAGE: readonly Role[] = ['prefecture_admin'];
const SIMULATE: readonly Role[] = ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'];

export const canManagePolicy = (role: Role): boolean => MANAGE.includes(role);
export const canSimulate = (role: Role): boolean => SIMULATE.includes(role);
