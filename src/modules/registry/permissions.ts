// Household registry: unmasking and files are audited.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'registry.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'registry.write': ['village_clerk', 'township_caseworker', 'county_approver'],
  'registry.unmask': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin'],
  'registry.import': ['township_caseworker', 'county_approver', 'prefecture_admin'],
  'registry.export': ['township_caseworker', 'county_approver', 'prefecture_admin'],
});
