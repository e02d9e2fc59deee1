// 供养服务机构: everyone on the staff reads the register (a township its county's, the widening
// `institutions`); the county registers and changes its own institutions, their ratings and projects.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'institutions.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'institutions.manage': ['county_approver'],
});
