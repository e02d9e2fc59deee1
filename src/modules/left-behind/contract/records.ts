// Requests and responses of the 留守 routes: surveys (排查摸底), care plans, visits, warnings with their
// follow-ups, one person's file (建档立卡), and the figures by county.
import { z } from 'zod';
import { areaCode, decimalInt, householdNo, idNumber, isoDate } from '../../../kernel/types.ts';
import { DEPARTMENTS } from '../../../kernel/permissions.ts';
import { NEEDS } from '../../../kernel/needs.ts';
import { ACTIONS, CARER_KINDS, KINDS, RISKS, WARNINGS } from '../codes.ts';

const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`);
const kind = z.enum(KINDS, { message: '留守类别应为 留守儿童、留守老人 或 留守妇女' });
const risks = z.array(z.enum(RISKS, { message: '风险应为 无人监护、独居、患病、残疾、辍学、生活困难 之一' })).max(RISKS.length, '风险重复');

/** A person: `<county code>-<member id>` (the registry's key of the member). */
export const PERSON_ID = /^\d{6}-\d{1,15}$/;
export const personParam = z.strictObject({ personId: z.string().regex(PERSON_ID, '留守人员编号应为 县级区划代码-人员编号') });

export const newSurveySchema = z.strictObject({
  /** The person: a member of a household of the registry. */
  householdNo,
  idNumber,
  year: decimalInt(2000, 2100),
  kind,
  /** Where the parents (child), children (elder) or spouse (woman) work. */
  awayPlace: text(200, '外出务工地点'),
  awaySince: isoDate.optional(),
  /** null or absent: no guardian (a child without one raises a warning at once). */
  guardian: z.strictObject({
    name: text(50, '监护人（照料人）姓名'),
    relation: text(20, '与本人关系'),
    able: z.boolean({ message: '是否具备监护（照料）能力应为是或否' }),
  }).nullable().optional(),
  risks: risks.default([]),
  surveyedOn: isoDate,
  surveyedBy: text(50, '排查人'),
});

export const surveyListQuery = z.strictObject({
  area: areaCode.optional(),
  kind: kind.optional(),
  year: decimalInt(2000, 2100).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

const warning = z.object({
  warning: z.enum(WARNINGS), warningLabel: z.string(),
  /** The day the warning arose. */
  since: z.string(), detail: z.string(),
  /** The follow-up recorded on or after `since`; the warning is open without one. */
  followUp: z.object({ action: z.enum(ACTIONS), actionLabel: z.string(), department: z.string().nullable(), caseNo: z.string().nullable(), requestNo: z.string().nullable(), note: z.string(), followedOn: z.string() }).nullable(),
  open: z.boolean(),
});

export const surveyItem = z.object({
  surveyId: z.string(), personId: z.string(), countyCode: z.string(), villageCode: z.string(), villageName: z.string(), householdNo: z.string(),
  name: z.string(), idNumber: z.string(), sex: z.string(), birthDate: z.string(),
  year: z.number(), kind: z.enum(KINDS), kindLabel: z.string(), awayPlace: z.string(), awaySince: z.string().nullable(),
  guardian: z.object({ name: z.string(), relation: z.string(), able: z.boolean() }).nullable(),
  risks: z.array(z.enum(RISKS)), riskLabels: z.array(z.string()), surveyedOn: z.string(), surveyedBy: z.string(),
});
export const surveyList = z.object({ items: z.array(surveyItem), next: z.number().nullable() });
/** A recorded survey, with the warnings it raises at once (a child without an able guardian). */
export const surveyRecorded = surveyItem.extend({ warnings: z.array(warning) });

export const newCarePlanSchema = z.strictObject({
  carerKind: z.enum(CARER_KINDS, { message: '帮扶责任人类别应为 村（社区）干部、志愿者、政府购买服务 或 亲属' }),
  carerName: text(50, '帮扶责任人'),
  visitIntervalDays: z.number().int('走访间隔应为整数天').min(1, '走访间隔至少1天').max(366, '走访间隔不超过366天').optional(),
  from: isoDate,
});

export const newVisitSchema = z.strictObject({
  visitedOn: isoDate,
  visitedBy: text(50, '走访人'),
  findings: z.string().trim().min(2, '请填写走访情况（至少2字）').max(500, '走访情况不超过500字'),
  risksFound: risks.default([]),
});

export const newFollowUpSchema = z.strictObject({
  warning: z.enum(WARNINGS, { message: '预警类别不正确' }),
  action: z.enum(ACTIONS, { message: '处置应为 转介相关部门、启动临时救助 或 无需处置' }),
  /** For a referral: the department referred to. */
  department: z.enum(DEPARTMENTS, { message: '转介部门不正确' }).optional(),
  /** For a referral: what the department is asked to handle (default 其他). */
  need: z.enum(NEEDS, { message: '转介事项不正确' }).optional(),
  /** For a 临时救助 case already opened: its number (the case must exist and be 临时救助); none: one is opened. */
  caseNo: z.string().trim().optional(),
  /** For a 临时救助 case opened by the follow-up: 急难型 or 支出型 (default 急难型) and the months asked for (default 1). */
  claimKind: z.enum(['emergency', 'expenditure'], { message: '救助类型应为急难型或支出型' }).optional(),
  months: z.number().int('月数应为整数').min(1, '月数至少为1').max(24, '月数过大').optional(),
  note: z.string().trim().min(2, '请填写处置说明（至少2字）').max(500, '处置说明不超过500字'),
  followedOn: isoDate,
});

export const personFile = z.object({
  personId: z.string(), countyCode: z.string(), villageCode: z.string(), villageName: z.string(), householdNo: z.string(),
  name: z.string(), idNumber: z.string(), sex: z.string(), birthDate: z.string(),
  surveys: z.array(surveyItem),
  carePlan: z.object({ carerKind: z.enum(CARER_KINDS), carerKindLabel: z.string(), carerName: z.string(), visitIntervalDays: z.number().nullable(), from: z.string() }).nullable(),
  visits: z.array(z.object({ visitedOn: z.string(), visitedBy: z.string(), findings: z.string(), risksFound: z.array(z.enum(RISKS)), riskLabels: z.array(z.string()) })),
  warnings: z.array(warning),
  mayRecord: z.boolean(),
});

export const warningQuery = z.strictObject({ area: areaCode.optional(), all: z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true').optional() });
export const warningList = z.object({
  items: z.array(warning.extend({ personId: z.string(), name: z.string(), kind: z.enum(KINDS), kindLabel: z.string(), countyCode: z.string(), villageCode: z.string(), villageName: z.string() })),
});

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });
const figureRow = z.object({
  /** Persons in the year's survey, by kind (a person surveyed as two kinds counts once in each). */
  children: z.number(), elders: z.number(), women: z.number(), persons: z.number(),
  /** Persons in the year's survey with a care plan begun by the year's end. */
  withCarePlan: z.number(),
  /** Visits made in the year. */
  visits: z.number(),
  /** Warning follow-ups (预警处置) recorded in the year. */
  followUps: z.number(),
  /** Warnings open today (of persons surveyed in any year). */
  openWarnings: z.number(),
});
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ countyCode: z.string(), countyName: z.string() })),
  total: figureRow,
});
