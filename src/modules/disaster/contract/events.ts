// Request and response shapes of the disaster-event routes (灾害事件): what the web's pages send and read.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, isoDate } from '../../../kernel/types.ts';
import { DISASTER_KINDS, RESPONSE_LEVELS } from '../codes.ts';
import { KIND_LABELS } from '../labels.ts';
import { reportFigures, reportView } from './reports.ts';

export const eventNoParam = z.strictObject({ eventNo: z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字') });

export const newEventSchema = z.strictObject({
  /** The recording county; the caller's own county when left out. */
  countyCode: countyCode.optional(),
  kind: z.enum(DISASTER_KINDS, { message: `灾种应为 ${DISASTER_KINDS.map((k) => `${KIND_LABELS[k]}（${k}）`).join('、')} 之一` }),
  name: z.string().trim().min(1, '请填写事件名称').max(100, '事件名称不超过100字'),
  startedOn: isoDate,
  endedOn: isoDate.optional(),
  responseLevel: z.enum(RESPONSE_LEVELS, { message: '响应等级应为 I、II、III 或 IV' }).optional(),
  /** Townships and villages of the county the event hit. */
  areas: z.array(areaCode).min(1, '请至少选择一个受灾乡镇或村').max(500, '受灾区划不超过500个'),
  note: z.string().max(1000, '备注不超过1000字').default(''),
});

export const endEventSchema = z.strictObject({ endedOn: isoDate });

export const eventListQuery = z.strictObject({
  area: areaCode.optional(),
  year: decimalInt(2000, 2100).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

const eventHead = z.object({
  eventNo: z.string(),
  kind: z.enum(DISASTER_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  countyName: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  responseLevel: z.enum(RESPONSE_LEVELS).nullable(),
  responseLevelLabel: z.string().nullable(),
  note: z.string(),
});

export const eventCreated = eventHead;

export const eventList = z.object({
  items: z.array(eventHead.extend({ id: z.number(), areaNames: z.array(z.string()) })),
  next: z.number().nullable(),
});

export const eventDetail = eventHead.extend({
  createdBy: z.string(),
  areas: z.array(z.object({ areaCode: z.string(), areaName: z.string(), level: z.enum(['township', 'village']) })),
  /** The latest version of each area's report (latest date, then highest version). */
  latest: z.array(reportView),
  /** Sums of `latest`, a township's own report standing for its villages'. */
  totals: reportFigures,
  /** What the caller may do on this event. */
  mayRecord: z.boolean(),
  mayEnd: z.boolean(),
});
