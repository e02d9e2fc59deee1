// The audit log: read by county and above, its chain verified by the prefecture and auditors.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'audit.read': ['county_approver', 'prefecture_admin', 'auditor'],
  'audit.verify': ['prefecture_admin', 'auditor'],
});
