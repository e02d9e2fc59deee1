// 政策性农房保险: everyone at village, township, county and prefecture level reads (their own subtree);
// the county approver records the policy, the insured households and the claims' steps.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'insurance.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Policies, insured lists, claims (report, assess, payment, refusal). */
  'insurance.manage': ['county_approver'],
});
