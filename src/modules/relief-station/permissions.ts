// 救助管理站: a record is the station's county's. Staff of that county read it (the county approver, the
// township caseworkers of the county — they meet street persons at the window and in outreach), and the
// prefecture and auditors above it; village clerks do not (PIPL: no need to know). Only the county
// approver (the station's civil-affairs bureau) records screenings and every later step.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'relief_station.read': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Screening, decision, stay, 寻亲, 返乡, referral, exit. */
  'relief_station.manage': ['county_approver'],
});
