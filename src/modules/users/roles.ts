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
  'policy.read',
  'policy.manage',
  'policy.simulate',
] as const;
export type Action = (typeof ACTIONS)[number] | CaseAction | IntakeAction | VerificationAction | PayrollAction | StatsAction;

const GRANTS: Record<Role, readonly Action[]> = {
  village_clerk: ['areas.read', 'registry.read', 'registry.write', 'registry.unmask', 'policy.read'],
  township_caseworker: ['areas.read', 'users.read', 'registry.read', 'registry.write', 'registry.unmask', 'registry.import', 'registry.export', 'policy.read', 'policy.simulate'],
  county_approver: ['areas.read', 'users.read', 'users.manage', 'audit.read', 'registry.read', 'registry.write', 'registry.unmask', 'registry.import', 'registry.export', 'policy.read', 'policy.simulate'],
  prefecture_admin: ['areas.read', 'areas.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'registry.read', 'registry.unmask', 'registry.import', 'registry.export', 'policy.read', 'policy.manage', 'policy.simulate'],
  auditor: ['areas.read', 'users.read', 'audit.read', 'audit.verify', 'registry.read', 'policy.read', 'policy.simulate'],
  partner: ['areas.read', 'policy.read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return [GRANTS, CASE_GRANTS, INTAKE_GRANTS, VERIFICATION_GRANTS, PAYROLL_GRANTS, STATS_GRANTS].some((g) => (g[role] as readonly Action[]).includes(action));
}

/**
 * Cases (低保, 特困 workflow): who may read cases, act on them (which transition each role may
 * perform is in the programme definitions), group county batches, and manage nursing homes.
 */
export const CASE_ACTIONS = ['cases.read', 'cases.write', 'cases.batch', 'institutions.read', 'institutions.manage'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const CASE_GRANTS: Record<Role, readonly CaseAction[]> = {
  village_clerk: ['cases.read', 'institutions.read'],
  township_caseworker: ['cases.read', 'cases.write', 'institutions.read'],
  county_approver: ['cases.read', 'cases.write', 'cases.batch', 'institutions.read', 'institutions.manage'],
  prefecture_admin: ['cases.read', 'institutions.read'],
  auditor: ['cases.read', 'institutions.read'],
  partner: [],
};

/**
 * One-window intake (一门受理) and complaints (举报): the window records requests; partners see and handle
 * the referrals of their own department (and area); complaints are registered and investigated by the
 * township and county civil-affairs staff.
 */
export const INTAKE_ACTIONS = ['intake.read', 'intake.write', 'intake.referrals', 'intake.handle', 'complaints.read', 'complaints.write'] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];

const INTAKE_GRANTS: Record<Role, readonly IntakeAction[]> = {
  village_clerk: ['intake.read', 'intake.write', 'intake.referrals'],
  township_caseworker: ['intake.read', 'intake.write', 'intake.referrals', 'complaints.read', 'complaints.write'],
  county_approver: ['intake.read', 'intake.referrals', 'complaints.read', 'complaints.write'],
  prefecture_admin: ['intake.read', 'intake.referrals', 'complaints.read'],
  auditor: ['intake.read', 'intake.referrals', 'complaints.read'],
  partner: ['intake.referrals', 'intake.handle'],
};

/**
 * Economic status verification (家庭经济状况核对): caseworkers request checks and resolve findings;
 * the county loads partner data snapshots and runs the rescreen; favouritism lists are read by the county.
 */
export const VERIFICATION_ACTIONS = ['verification.read', 'verification.request', 'verification.resolve', 'verification.sources', 'verification.rescreen'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

const VERIFICATION_GRANTS: Record<Role, readonly VerificationAction[]> = {
  village_clerk: [],
  township_caseworker: ['verification.read', 'verification.request', 'verification.resolve'],
  county_approver: ['verification.read', 'verification.request', 'verification.resolve', 'verification.sources', 'verification.rescreen'],
  prefecture_admin: ['verification.read', 'verification.sources', 'verification.rescreen'],
  auditor: ['verification.read'],
  partner: [],
};

/**
 * Monthly payroll (发放): the county approver runs, approves and exports the payroll and imports the
 * bank's returns; bank files with full ID and account numbers only for `payroll.unmask`.
 */
export const PAYROLL_ACTIONS = ['payroll.read', 'payroll.run', 'payroll.approve', 'payroll.export', 'payroll.unmask', 'payroll.returns', 'payroll.recovery'] as const;
export type PayrollAction = (typeof PAYROLL_ACTIONS)[number];

const PAYROLL_GRANTS: Record<Role, readonly PayrollAction[]> = {
  village_clerk: [],
  township_caseworker: ['payroll.read'],
  county_approver: ['payroll.read', 'payroll.run', 'payroll.approve', 'payroll.export', 'payroll.unmask', 'payroll.returns', 'payroll.recovery'],
  prefecture_admin: ['payroll.read'],
  auditor: ['payroll.read'],
  partner: [],
};

/** Statistics, warnings, dashboard and the annual report, each for the user's own area. */
export const STATS_ACTIONS = ['stats.read', 'stats.report'] as const;
export type StatsAction = (typeof STATS_ACTIONS)[number];

const STATS_GRANTS: Record<Role, readonly StatsAction[]> = {
  village_clerk: ['stats.read'],
  township_caseworker: ['stats.read', 'stats.report'],
  county_approver: ['stats.read', 'stats.report'],
  prefecture_admin: ['stats.read', 'stats.report'],
  auditor: ['stats.read', 'stats.report'],
  partner: [],
};

/** Every action of every module, e.g. for telling a user what they may do. */
export const ALL_ACTIONS = [...ACTIONS, ...CASE_ACTIONS, ...INTAKE_ACTIONS, ...VERIFICATION_ACTIONS, ...PAYROLL_ACTIONS, ...STATS_ACTIONS] as const;

export function permissionsOf(role: Role): Action[] {
  return ALL_ACTIONS.filter((a) => roleAllows(role, a));
}
