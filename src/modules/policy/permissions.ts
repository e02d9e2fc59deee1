// Parameters: read by all, changed by the prefecture; the standards simulator.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'policy.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor', 'partner'],
  'policy.manage': ['prefecture_admin'],
  'policy.simulate': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
});
