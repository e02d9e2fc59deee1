// The connected systems (SPDCI clients) managed by administrators from the web: a county's for clients whose
// areas all lie in the county, the prefecture's for all of its own.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'dci.read': ['county_approver', 'prefecture_admin'],
  'dci.manage': ['county_approver', 'prefecture_admin'],
});
