import type { Role } from '../../api/types.ts';

// Mirrors the server's registry grants (src/modules/users/roles.ts) so the UI hides what the API
// would refuse; the API decides.
const WRITE: readonly Role[] = ['village_clerk', 'township_caseworker', 'county_approver'];
const UNMASK: readonly Role[] = ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin'];
const IMPORT_EXPORT: readonly Role[] = ['township_caseworker', 'county_approver', 'prefecture_admin'];

export const canWrite = (role: Role): boolean => WRITE.includes(role);
export const canUnmask = (role: Role): boolean => UNMASK.includes(role);
export const canImport = (role: Role): boolean => IMPORT_EXPORT.includes(role);
export const canExport = (role: Role): boolean => IMPORT_EXPORT.includes(role);
