// What a 临时救助 case records: the claim as the window took it, who approved it, and — above the amount
// for one-case-one-decision (一事一议) — the county coordination meeting that decided it.
import { z } from 'zod';
import { areaCode, isoDate } from '../../kernel/types.ts';
import type { CaseContext } from '../../workflow/definition.ts';

/** What the window records when it opens a temporary-assistance case. */
export const claimSchema = z.strictObject({
  /** 急难型 (sudden emergency) or 支出型 (essential spending beyond the household's means). */
  kind: z.union([z.literal('emergency').meta({ title: '急难型' }), z.literal('expenditure').meta({ title: '支出型' })], { message: '救助类型应为急难型或支出型' }).meta({ title: '救助类型' }),
  /** 先行救助: pay first, complete the procedure within the time limit (急难型 only). */
  urgent: z.boolean().default(false).meta({ title: '先行救助（情况紧急，先救助后补齐手续）' }),
  /** Months of the monthly dibao standard asked for (the formula caps them by a parameter). */
  months: z.number().int('月数应为整数').min(1, '月数至少为1').max(24, '月数过大').meta({ title: '救助月数（按当地月低保标准计算）' }),
  /** Cash at the window (备用金) or transfer to the household's bank account. */
  method: z.union([z.literal('transfer').meta({ title: '转账至家庭账户' }), z.literal('cash').meta({ title: '现金' })], { message: '发放方式应为转账或现金' }).default('transfer').meta({ title: '发放方式' }),
  /** Who brought the case: the person's own application, or a report by the village or a department (主动发现). */
  source: z.union([
    z.literal('application').meta({ title: '本人（家庭）申请' }), z.literal('village_report').meta({ title: '村（社区）报告' }), z.literal('department_report').meta({ title: '有关部门转介' }),
  ], { message: '来源应为本人申请、村（社区）报告或部门转介' }).default('application').meta({ title: '来源' }),
  /** Where the emergency happened (its standard applies; no hukou restriction), if not the household's village. */
  incidentAreaCode: areaCode.optional().meta({ title: '急难发生地（区划代码，不在本村时填写）' }),
  /** 困难情形: what happened. */
  hardship: z.string().trim().min(4, '请说明困难情形（至少4个字）').max(1000, '困难情形过长').meta({ title: '困难情形' }),
}).refine((c) => !c.urgent || c.kind === 'emergency', { message: '先行救助仅适用于急难型临时救助', path: ['urgent'] });
export type Claim = z.output<typeof claimSchema>;

export const collectiveDecisionSchema = z.strictObject({
  date: isoDate,
  reference: z.string().trim().min(2, '请填写会议纪要或文号').max(200),
});

export interface TemporaryContext extends CaseContext {
  claim?: Claim;
  /** The level that approved the payment: the township within its delegated amount, or the county. */
  approval?: 'township' | 'county';
  /** 一事一议: the county coordination mechanism's decision on a large case. */
  collectiveDecision?: z.output<typeof collectiveDecisionSchema>;
}
