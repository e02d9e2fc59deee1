// Request and response shapes of the 灾情 report routes: the figures of the national 自然灾害情况统计.
import { z } from 'zod';
import { areaCode, isoDate } from '../../../kernel/types.ts';

const count = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负`).max(100_000_000, `${what}过大`);

/** Figures as integers: persons, 间 of houses, crop areas in 0.01 公顷, the loss in fen. */
export const reportFigures = z.object({
  affectedPersons: count('受灾人口'),
  relocatedPersons: count('紧急转移安置人口'),
  deaths: count('死亡人口'),
  missing: count('失踪人口'),
  housesCollapsed: count('倒塌房屋间数'),
  housesSeriouslyDamaged: count('严重损坏房屋间数'),
  housesGenerallyDamaged: count('一般损坏房屋间数'),
  cropAffectedHa100: count('农作物受灾面积'),
  cropFailedHa100: count('农作物绝收面积'),
  directLossFen: z.number({ error: '直接经济损失应为整数（分）' }).int('直接经济损失应为整数（分）').min(0, '直接经济损失不能为负').max(Number.MAX_SAFE_INTEGER, '直接经济损失过大'),
});
export type ReportFigures = z.output<typeof reportFigures>;
export const FIGURE_KEYS = Object.keys(reportFigures.shape) as (keyof ReportFigures)[];

export const newReportSchema = z.strictObject({
  areaCode,
  asOf: isoDate,
  ...reportFigures.shape,
  note: z.string().max(1000, '备注不超过1000字').default(''),
}).refine((r) => r.cropFailedHa100 <= r.cropAffectedHa100, { message: '绝收面积不能大于受灾面积', path: ['cropFailedHa100'] });

export const reportListQuery = z.strictObject({ area: areaCode.optional() });

export const reportView = reportFigures.extend({
  areaCode: z.string(),
  areaName: z.string(),
  asOf: z.string(),
  version: z.number(),
  reportedBy: z.string(),
  reportedAt: z.string(),
  note: z.string(),
});

export const reportList = z.object({ items: z.array(reportView) });

export const reportCreated = z.object({ eventNo: z.string(), areaCode: z.string(), areaName: z.string(), asOf: z.string(), version: z.number() });
