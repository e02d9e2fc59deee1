// 留守 persons: the records follow the person's village. Village clerks survey, plan, visit and follow up
// in their village; township caseworkers and county approvers in their area; the prefecture and auditors
// read. Out of scope reads exactly as missing.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'left_behind.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Surveys, care plans, visits, warning follow-ups. */
  'left_behind.record': ['village_clerk', 'township_caseworker', 'county_approver'],
});
