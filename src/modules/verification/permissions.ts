// Economic status verification: caseworkers request checks and resolve findings; the county loads partner data and runs the rescreen.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'verification.read': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'verification.request': ['township_caseworker', 'county_approver'],
  'verification.resolve': ['township_caseworker', 'county_approver'],
  'verification.sources': ['county_approver', 'prefecture_admin'],
  'verification.rescreen': ['county_approver', 'prefecture_admin'],
});
