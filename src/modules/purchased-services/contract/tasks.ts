// Requests and responses of the tasks under a contract and their performance records (服务记录).
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, householdNo, isoDate } from '../../../kernel/types.ts';
import { TASK_KINDS, TASK_STATUSES } from '../codes.ts';
import { bool, text } from './common.ts';

const kind = z.enum(TASK_KINDS, { message: '任务类别应为 入户走访核查、特困分散供养照料、留守人员探访、事务性经办 或 其他' });

export const newTaskSchema = z.strictObject({
  contractId: decimalInt(1),
  kind,
  /** A village (村/社区) of the contract's county, in the caller's area. */
  villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）'),
  /** Optional target: a household of the registry, or a 留守 person (`<county>-<member id>`). */
  householdNo: householdNo.optional(),
  personId: z.string().regex(/^\d{6}-\d{1,18}$/, '留守人员编号应为 县代码-编号').optional(),
  description: text(500, '任务说明').optional(),
  assignedOn: isoDate,
  dueOn: isoDate,
  /** The provider's worker by name, and/or a 社会救助协理员 (at least one). */
  workerName: text(50, '承接机构工作人员').optional(),
  assistantId: decimalInt(1).optional(),
});
export const performSchema = z.strictObject({
  doneOn: isoDate,
  minutes: z.number({ message: '服务时长应为分钟数' }).int('服务时长应为整数分钟').min(1, '服务时长至少1分钟').max(1440, '服务时长不超过24小时'),
  findings: text(1000, '服务情况'),
});
export const confirmSchema = z.strictObject({ confirmedOn: isoDate });
export const cancelSchema = z.strictObject({ cancelledOn: isoDate, reason: text(500, '取消原因') });

export const taskQuery = z.strictObject({
  county: countyCode.optional(), area: areaCode.optional(), contract: decimalInt(1).optional(), kind: kind.optional(), status: z.enum(TASK_STATUSES).optional(),
  overdue: bool.optional(),
  /** Only tasks assigned to the caller (a village assistant's 我的任务). */
  mine: bool.optional(),
  limit: decimalInt(1, 200).default(100), after: decimalInt(1).optional(),
});

export const taskItem = z.object({
  id: z.number(), countyCode: z.string(), contractId: z.number(), contractNo: z.string(), providerName: z.string(),
  kind, kindLabel: z.string(), villageCode: z.string(), villageName: z.string(),
  householdNo: z.string().nullable(), personId: z.string().nullable(), description: z.string().nullable(),
  assignedOn: z.string(), dueOn: z.string(), workerName: z.string().nullable(), assistantId: z.number().nullable(), assistantName: z.string().nullable(),
  status: z.enum(TASK_STATUSES), statusLabel: z.string(), overdue: z.boolean(),
  doneOn: z.string().nullable(), minutes: z.number().nullable(), findings: z.string().nullable(), performedBy: z.string().nullable(),
  confirmed: z.boolean(), confirmedOn: z.string().nullable(), confirmedBy: z.string().nullable(),
  cancelledOn: z.string().nullable(), cancelReason: z.string().nullable(),
  /** What the caller may do with it now. */
  mayPerform: z.boolean(), mayConfirm: z.boolean(), mayCancel: z.boolean(),
});
export const taskList = z.object({ items: z.array(taskItem), next: z.number().nullable() });
