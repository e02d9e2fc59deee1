// 社会力量参与: organisations, teams, volunteers and service hours are the county's. Staff of the county read
// them (village clerks too: they meet the volunteers in the village), the prefecture and auditors above;
// township caseworkers and the county approver record them (a caseworker within their township).
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'volunteers.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Organisations, teams, volunteers, membership, service records and their confirmation. */
  'volunteers.manage': ['township_caseworker', 'county_approver'],
});
