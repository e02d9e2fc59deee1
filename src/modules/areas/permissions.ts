// Area tree: read in scope; the prefecture manages functional zones.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'areas.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor', 'partner'],
  'areas.manage': ['prefecture_admin'],
  /** Set a village's 城镇/农村 by hand. */
  'areas.classify': ['county_approver', 'prefecture_admin'],
});
