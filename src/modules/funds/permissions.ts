// Funds are the county's: the county approver records its county's budget and transfers, the prefecture
// admin any county's; the 减量 plan is set from above, so only the prefecture admin records it. Auditors read;
// township and village staff and partner departments have no access.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'funds.read': ['county_approver', 'prefecture_admin', 'auditor'],
  /** Budgets and transfers received. */
  'funds.manage': ['county_approver', 'prefecture_admin'],
  /** 减量 plans (set by the province/prefecture). */
  'funds.plan': ['prefecture_admin'],
});
