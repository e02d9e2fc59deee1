// 受灾人员救助: who reads disaster events and their 灾情 reports, who reports, who records events.
// Partners get nothing yet: grants go by role, and `partner` is every department (tax, education…),
// so 应急管理's read access waits for a department-aware grant (see README, "Not yet").
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'disaster.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** 灾情 reports: a township for its own township and villages, the county for any area of its events. */
  'disaster.record': ['township_caseworker', 'county_approver'],
  /** Recording and ending events. */
  'disaster.events': ['county_approver'],
  /** Batch decisions: draft, spot check, notice, approval, decision, void (the county). */
  'disaster.batch': ['county_approver'],
});
