// One-window intake: the window records requests; partners see and handle the referrals of their own department (and area).
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'intake.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'intake.write': ['village_clerk', 'township_caseworker'],
  'intake.referrals': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor', 'partner'],
  'intake.handle': ['partner'],
});
