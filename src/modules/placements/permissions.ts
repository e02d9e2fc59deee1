// 集中供养 placements: who reads residents and occupancy, who records admissions, transfers, discharges
// and deaths (the township that runs the home, or the county).
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'placements.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'placements.manage': ['township_caseworker', 'county_approver'],
});
