// 存量对象导入: bringing a previous system's 低保/特困 caseload in is the county approver's (and the operator's CLI).
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'caseload.import': ['county_approver'],
});
