// Requests and responses of the record routes (救助管理站): screening with the decision, list, one record.
import { z } from 'zod';
import { countyCode, decimalInt, isoDate, validIdNumber } from '../../../kernel/types.ts';
import { DECISIONS, EXIT_KINDS, HEALTHS, IDENTITY_STATUSES, LONG_STAY_KINDS, MENTAL_ILLNESS, SEARCH_METHODS, SERVICES, SEXES, SOURCES, STATUSES, TIMELINE_KINDS, TRANSPORTS, HANDOVERS } from '../codes.ts';

export const RECORD_NO = /^LQ\d{16}$/;
export const recordNoParam = z.strictObject({ recordNo: z.string().regex(RECORD_NO, '救助记录编号应为 LQ 加16位数字') });
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`);

/**
 * 甄别 and the decision in one request. Which fields a decision needs (and which a refusal must not carry)
 * is checked by the service, which names every offending field.
 */
export const newRecordSchema = z.strictObject({
  /** The station's county; default: the caller's own county. */
  countyCode: countyCode.optional(),
  /** The station: an institution of that county. */
  stationId: decimalInt(1),
  source: z.enum(SOURCES, { message: '来源应为 街面巡查、主动求助、公安护送 或 其他部门转介' }),
  metOn: isoDate,
  place: text(200, '发现（求助）地点'),
  sex: z.enum(SEXES, { message: '性别应为 男 或 女' }),
  approxAge: decimalInt(0, 120).optional(),
  birthDate: isoDate.optional(),
  name: text(50, '姓名').optional(),
  /** 体貌特征 when the name is unknown (无名氏). */
  description: text(500, '体貌特征').optional(),
  idNumber: validIdNumber.optional(),
  hukouPlace: text(200, '户籍地').optional(),
  identityStatus: z.enum(IDENTITY_STATUSES, { message: '身份核实情况应为 已核实、自述 或 不明' }).optional(),
  health: z.enum(HEALTHS, { message: '健康状况应为 健康、患病 或 受伤' }).optional(),
  mentalIllness: z.enum(MENTAL_ILLNESS, { message: '精神状况应为 无、疑似精神障碍 或 确诊精神障碍' }).optional(),
  infectiousDisease: z.boolean({ message: '是否患传染病应为是或否' }).optional(),
  /** The screener's flag: a minor by appearance even when the stated age says otherwise. */
  minor: z.boolean({ message: '是否未成年人应为是或否' }).optional(),
  decision: z.enum(DECISIONS, { message: '处置应为 自愿受助、不愿受助、送医救治 或 转未成年人救助保护中心' }),
  decidedOn: isoDate,
});

const bool = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');
export const recordListQuery = z.strictObject({
  county: countyCode.optional(),
  station: decimalInt(1).optional(),
  status: z.enum(STATUSES).optional(),
  minor: bool.optional(),
  overdue: bool.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

export const recordItem = z.object({
  recordNo: z.string(), countyCode: z.string(), countyName: z.string(), stationId: z.number(), stationName: z.string(),
  source: z.enum(SOURCES), sourceLabel: z.string(), metOn: z.string(), place: z.string(),
  /** The name, 无名氏 when unknown, '' for a refusal (not kept). */
  displayName: z.string(),
  /** Masked in lists. */
  idNumber: z.string().nullable(),
  sex: z.enum(SEXES), sexLabel: z.string(), age: z.number().nullable(), minor: z.boolean(),
  decision: z.enum(DECISIONS), decisionLabel: z.string(), decidedOn: z.string(),
  status: z.enum(STATUSES), statusLabel: z.string(), enteredOn: z.string().nullable(), exitedOn: z.string().nullable(),
  exitKind: z.enum(EXIT_KINDS).nullable(), exitKindLabel: z.string().nullable(),
  /** Days in the station (to the exit, or to today while in the station). */
  stayDays: z.number().nullable(),
  stayLimitDays: z.number().nullable(),
  /** In the station beyond the limit with no long-stay approval or referral recorded. */
  overdue: z.boolean(),
});
export const recordList = z.object({ items: z.array(recordItem), next: z.number().nullable() });

export const recordDetail = recordItem.extend({
  name: z.string().nullable(), description: z.string().nullable(), birthDate: z.string().nullable(), approxAge: z.number().nullable(), hukouPlace: z.string().nullable(),
  identityStatus: z.enum(IDENTITY_STATUSES).nullable(), identityStatusLabel: z.string().nullable(),
  health: z.enum(HEALTHS).nullable(), healthLabel: z.string().nullable(),
  mentalIllness: z.enum(MENTAL_ILLNESS).nullable(), mentalIllnessLabel: z.string().nullable(),
  infectiousDisease: z.boolean().nullable(),
  longStay: z.object({ kind: z.enum(LONG_STAY_KINDS), kindLabel: z.string(), reason: z.string(), on: z.string() }).nullable(),
  exitReceiver: z.string().nullable(), exitNote: z.string().nullable(),
  referredTo: z.object({ countyCode: z.string(), id: z.number(), name: z.string() }).nullable(),
  services: z.array(z.object({ service: z.enum(SERVICES), serviceLabel: z.string(), providedOn: z.string(), note: z.string() })),
  searches: z.array(z.object({ method: z.enum(SEARCH_METHODS), methodLabel: z.string(), searchedOn: z.string(), result: z.string(), found: z.boolean() })),
  journey: z.object({
    destination: z.string(), transport: z.enum(TRANSPORTS), transportLabel: z.string(), ticketFen: z.number(), escort: z.boolean(), escortNames: z.array(z.string()),
    handedOverTo: z.enum(HANDOVERS), handedOverToLabel: z.string(), receiver: z.string(), returnedOn: z.string(),
  }).nullable(),
  timeline: z.array(z.object({ kind: z.enum(TIMELINE_KINDS), on: z.string(), label: z.string(), detail: z.string() })),
  mayManage: z.boolean(),
});

export const stationList = z.object({ items: z.array(z.object({ countyCode: z.string(), countyName: z.string(), id: z.number(), name: z.string(), /** The register's kind: a station is `relief_station`; any kind may be a referral target. */ kind: z.string() })) });
export const stationQuery = z.strictObject({ county: countyCode.optional() });
