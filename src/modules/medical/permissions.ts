// 医疗救助: who reads the premium-subsidy lists, claims and settlements, who prepares and approves the
// lists, and who imports the health-insurance bureau's files (医保, a partner, imports settlements and
// sees only its own imports; county staff import too).
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'medical.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor', 'partner'],
  /** The premium-subsidy lists and their figures: civil-affairs staff (not the partners: 医保 sees its referrals and settlement imports). */
  'medical.lists': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'medical.subsidy': ['county_approver'],
  'medical.settlement': ['county_approver', 'partner'],
});
