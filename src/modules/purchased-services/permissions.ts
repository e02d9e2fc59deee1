// 政府购买服务 and the 社会救助协理员: the county buys case work from social-work organisations (contracts,
// yearly evaluation) and registers the village assistants; township caseworkers assign the tasks of their
// township; village assistants (role village_clerk) and township caseworkers record what was done; the
// prefecture and auditors read. Out of scope reads exactly as missing.
import { registerPermissions } from '../../kernel/permissions.ts';

export const allow = registerPermissions({
  'purchased_services.read': ['village_clerk', 'township_caseworker', 'county_approver', 'prefecture_admin', 'auditor'],
  /** Contracts, evaluations and the assistants' register (county approver); tasks (county approver, township caseworker in their township). */
  'purchased_services.manage': ['township_caseworker', 'county_approver'],
  /** The performance record of a task (a village assistant: tasks assigned to them). */
  'purchased_services.perform': ['village_clerk', 'township_caseworker'],
});
