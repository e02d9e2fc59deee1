// Statistics, warnings, dashboard and the annual report, each for the user's own area.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'stats.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'stats.report': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
});
