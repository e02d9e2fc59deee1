// Request and response shapes of the 冬春生活救助需求调查: each autumn, a household's persons by class.
import { z } from 'zod';
import { areaCode, householdNo, isoDate } from '../../../kernel/types.ts';

const persons = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负`).max(100, `${what}过大`);

/** `2015-2016`: a winter and the spring after it. */
export const season = z.string().regex(/^\d{4}-\d{4}$/, '年度应为如 2015-2016 的两个相连年份')
  .refine((s) => !/^\d{4}-\d{4}$/.test(s) || Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, '年度应为两个相连年份，如 2015-2016');

export const newWinterNeedSchema = z.strictObject({
  season,
  householdNo,
  personsFirst: persons('一类人数').default(0),
  personsSecond: persons('二类人数').default(0),
  personsThird: persons('三类人数').default(0),
  surveyedOn: isoDate,
  note: z.string().trim().max(200, '备注不超过200字').default(''),
}).refine((w) => w.personsFirst + w.personsSecond + w.personsThird > 0, { message: '一、二、三类人数至少一项大于0', path: ['personsFirst'] });

export const winterListQuery = z.strictObject({ season, area: areaCode.optional() });

export const winterNeedView = z.object({
  householdNo: z.string(),
  headName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  season: z.string(),
  personsFirst: z.number(),
  personsSecond: z.number(),
  personsThird: z.number(),
  surveyedOn: z.string(),
  surveyedBy: z.string(),
  note: z.string(),
});

export const winterNeedList = z.object({
  items: z.array(winterNeedView),
  totals: z.object({ households: z.number(), personsFirst: z.number(), personsSecond: z.number(), personsThird: z.number() }),
  mayRecord: z.boolean(),
});

export const winterUploadQuery = z.strictObject({ season, format: z.enum(['xlsx', 'csv'], { message: '文件格式应为 xlsx 或 csv' }).default('xlsx') });
export const winterImported = z.object({ season: z.string(), households: z.number(), personsFirst: z.number(), personsSecond: z.number(), personsThird: z.number() });
