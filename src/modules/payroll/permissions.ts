// Monthly payroll: the county approver runs, approves and exports it and imports the bank's returns; full ID and account numbers only with payroll.unmask.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'payroll.read': ['township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  'payroll.run': ['county_approver'],
  'payroll.approve': ['county_approver'],
  'payroll.export': ['county_approver'],
  'payroll.unmask': ['county_approver'],
  'payroll.returns': ['county_approver'],
  'payroll.recovery': ['county_approver'],
});
