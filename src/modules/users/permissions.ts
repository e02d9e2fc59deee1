// User accounts.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'users.read': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'users.manage': ['county_approver', 'prefecture_admin'],
});
