// Request and response shapes of the placements routes: what the web's residents panel and occupancy pages send and read.
import { z } from 'zod';
import { decimalInt, isoDate } from '../../../kernel/types.ts';

export const STATUSES = ['pending', 'admitted', 'discharged', 'cancelled'] as const;
export const LEVELS = ['self_care', 'partial', 'full'] as const;
export const DISCHARGE_KINDS = ['transfer', 'discharge', 'death'] as const;

export const placementParams = z.strictObject({ id: decimalInt(1) });

export const listQuery = z.strictObject({
  institution: decimalInt(1),
  status: z.enum(STATUSES, { message: '状态应为 pending、admitted、discharged 或 cancelled' }).optional(),
});

export const occupancyQuery = z.strictObject({
  institution: decimalInt(1),
  from: isoDate,
  to: isoDate,
});

export const institutionsQuery = z.strictObject({
  area: z.string().regex(/^\d{6}$/, '区划代码应为6位（州或县）'),
  asOf: isoDate.optional(),
});

export const figuresQuery = z.strictObject({
  area: z.string().regex(/^\d{6}$/, '区划代码应为6位（州或县）'),
  year: decimalInt(2000, 2100),
});

const bedLabel = z.string().trim().min(1, '床位号不能为空').max(20, '床位号最多20个字符');
const reason = z.string().trim().min(2, '请填写原因').max(500);

export const admitBody = z.strictObject({ date: isoDate, bedLabel: bedLabel.optional() });
export const transferBody = z.strictObject({ date: isoDate, institutionId: z.number().int().positive(), bedLabel: bedLabel.optional(), reason });
export const dischargeBody = z.strictObject({ date: isoDate, reason });
export const deathBody = z.strictObject({
  /** The date of death. */
  date: isoDate,
  /** The day the death is recorded on the case (default today). */
  recordedOn: isoDate.optional(),
});

export const placement = z.object({
  id: z.number(),
  countyCode: z.string(),
  institutionId: z.number(),
  institutionName: z.string(),
  caseNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  areaCode: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  requestedOn: z.string(),
  admittedOn: z.string().nullable(),
  bedLabel: z.string().nullable(),
  selfCareLevel: z.enum(LEVELS).nullable(),
  careFeeFen: z.number().nullable(),
  dischargedOn: z.string().nullable(),
  dischargeKind: z.enum(DISCHARGE_KINDS).nullable(),
  dischargeReason: z.string(),
  transferredTo: z.number().nullable(),
  transferredFrom: z.number().nullable(),
});

export const placementList = z.object({
  institution: z.object({ id: z.number(), countyCode: z.string(), name: z.string(), beds: z.number(), admitted: z.number() }),
  items: z.array(placement),
});

export const deathResult = placement.extend({ caseReviewStarted: z.boolean() });

export const occupancy = z.object({
  institution: z.object({ id: z.number(), countyCode: z.string(), name: z.string(), beds: z.number() }),
  days: z.array(z.object({ day: z.string(), residents: z.number(), beds: z.number(), rate: z.number().nullable() })),
  /** Over the whole period: person-days ÷ bed-days. */
  personDays: z.number(),
  bedDays: z.number(),
  averageResidents: z.number(),
  rate: z.number().nullable(),
});

export const institutionOccupancy = z.object({
  asOf: z.string(),
  items: z.array(z.object({ id: z.number(), countyCode: z.string(), name: z.string(), beds: z.number(), residents: z.number(), pending: z.number(), rate: z.number().nullable() })),
});

const countyFigures = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  institutions: z.number(),
  beds: z.number(),
  residentsYearEnd: z.number(),
  personDays: z.number(),
  bedDays: z.number(),
  /** person-days ÷ bed-days over the year, in per cent (two decimals); null without beds. */
  bedUseRatePercent: z.number().nullable(),
  hardshipPersons: z.number(),
  institutionalPersons: z.number(),
  /** 集中供养率 at year end, per cent (two decimals); null without 特困 persons. */
  institutionalRatePercent: z.number().nullable(),
  previousInstitutionalRatePercent: z.number().nullable(),
  /** The change from the previous year's end, in percentage points (not a relative change). */
  institutionalRateChangePoints: z.number().nullable(),
});

export const figures = z.object({
  area: z.string(),
  year: z.number(),
  counties: z.array(countyFigures),
  total: countyFigures.omit({ countyCode: true, countyName: true }),
  /** The county with the lowest bed-use rate (among those with beds). */
  lowest: z.object({ countyCode: z.string(), countyName: z.string(), bedUseRatePercent: z.number() }).nullable(),
});
