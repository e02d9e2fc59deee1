// 微心愿 and charity donations. A wish is its household's village's: staff whose area covers that village
// read it (the village clerk, the township, the county, the prefecture, auditors). The village clerk of the
// household's village records a wish (with the household's consent), as may the township or county; the
// same staff publish, record the claim, the fulfilment and a withdrawal, and record donations. Campaigns are
// set up by the county or the prefecture.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'wishes.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Record, publish, claim, fulfil, withdraw a wish; record a donation. */
  'wishes.manage': ['village_clerk', 'township_caseworker', 'county_approver'],
  'wishes.campaigns': ['county_approver', 'prefecture_admin'],
});
