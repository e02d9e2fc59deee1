// What a 临时救助 case records: the claim as the window took it, who approved it, and — above the amount
// for one-case-one-decision (一事一议) — the county coordination meeting that decided it.
import { z } from 'zod';
import { areaCode, isoDate } from '../../kernel/types.ts';
import type { CaseContext } from '../../workflow/definition.ts';

export const CLAIM_KINDS = ['emergency', 'expenditure'] as const;
export const CLAIM_SOURCES = ['application', 'village_report', 'department_report'] as const;

/** What the window records when it opens a temporary-assistance case. */
export const claimSchema = z.strictObject({
  /** 急难型 (sudden emergency) or 支出型 (essential spending beyond the household's means). */
  kind: z.enum(CLAIM_KINDS, { message: '救助类型应为 emergency（急难型）或 expenditure（支出型）' }),
  /** 先行救助: pay first, complete the procedure within the time limit (急难型 only). */
  urgent: z.boolean().default(false),
  /** Months of the monthly dibao standard asked for (the formula caps them by a parameter). */
  months: z.number().int('月数应为整数').min(1, '月数至少为1').max(24, '月数过大'),
  /** Cash at the window (备用金) or transfer to the household's bank account. */
  method: z.enum(['transfer', 'cash'], { message: '发放方式应为 transfer（转账）或 cash（现金）' }).default('transfer'),
  /** Who brought the case: the person's own application, or a report by the village or a department (主动发现). */
  source: z.enum(CLAIM_SOURCES, { message: '来源应为 application、village_report 或 department_report' }).default('application'),
  /** Where the emergency happened (its standard applies; no hukou restriction), if not the household's village. */
  incidentAreaCode: areaCode.optional(),
  /** 困难情形: what happened. */
  hardship: z.string().trim().min(4, '请说明困难情形（至少4个字）').max(1000, '困难情形过长'),
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
