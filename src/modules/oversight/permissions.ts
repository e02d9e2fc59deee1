// Complaints (举报): registered and investigated by the township and county civil-affairs staff.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'complaints.read': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'complaints.write': ['township_caseworker', 'county_approver'],
});
