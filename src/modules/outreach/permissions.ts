// 政策找人. A task is its household's village's: staff whose area covers that village read it (the village
// clerk, the township, the county, the prefecture, auditors). The township or the county generates tasks from
// the warning lists for its area (or below); the village clerk or the township records the outcome.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'outreach.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'outreach.generate': ['township_caseworker', 'county_approver'],
  'outreach.record': ['village_clerk', 'township_caseworker'],
});
