// Cases: who may read cases, act on them (which step each role may take is in the programme's workflow), group county batches.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'cases.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'cases.write': ['township_caseworker', 'county_approver'],
  'cases.batch': ['county_approver'],
  'cases.rerate': ['county_approver'],
});
