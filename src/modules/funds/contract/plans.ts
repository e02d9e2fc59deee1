// Requests and responses of 减量 plans: a county's yearly targets (persons to reduce) from a start year.
import { z } from 'zod';
import { areaCode, countyCode } from '../../../kernel/types.ts';
import { document, programme, year } from './common.ts';

export const newPlanSchema = z.strictObject({
  countyCode,
  programme,
  document,
  startYear: year,
  /** Persons to reduce in each year from the start year, in order (1 to 10 years). */
  targets: z.array(z.number().int('减量人数应为整数').min(0, '减量人数不能为负').max(10_000_000, '减量人数过大'), { message: '请填写各年度减量人数' })
    .min(1, '请填写至少一个年度的减量人数').max(10, '减量计划不超过10年'),
});
export const planQuery = z.strictObject({ area: areaCode.optional() });

export const planItem = z.object({
  id: z.number(), countyCode: z.string(), countyName: z.string(), programme: z.string(), programmeLabel: z.string(), document: z.string(),
  startYear: z.number(), endYear: z.number(), years: z.number(), totalPersons: z.number(),
  targets: z.array(z.object({ year: z.number(), persons: z.number() })), recordedBy: z.string(),
});
export const planList = z.object({ items: z.array(planItem) });
