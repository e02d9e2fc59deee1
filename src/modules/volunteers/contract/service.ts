// Requests and responses of service records (志愿服务记录: who, when, what, where, how long, confirmed by whom).
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, isoDate, validIdNumber } from '../../../kernel/types.ts';
import { text } from './common.ts';

export const newServiceRecordSchema = z.strictObject({
  /** The organiser: a team, or an organisation directly (one of the two). */
  teamId: decimalInt(1).optional(),
  organisationId: decimalInt(1).optional(),
  volunteerId: decimalInt(1),
  activity: z.string().trim().min(2, '服务内容至少2个字').max(200, '服务内容不超过200字'),
  servedOn: isoDate,
  areaCode,
  /** Whole minutes on the day (1 to 1440). */
  minutes: z.number({ message: '服务时长应为分钟数' }).int('服务时长应为整数分钟').min(1, '服务时长至少1分钟').max(1440, '服务时长不超过24小时'),
});

/** Confirmation by the calling staff user (nothing named) or by the organiser's named person (with their ID number when known). */
export const confirmSchema = z.strictObject({
  confirmedOn: isoDate,
  organiserName: text(50, '确认人姓名').optional(),
  organiserIdNumber: validIdNumber.optional(),
});

const bool = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');
export const serviceQuery = z.strictObject({
  county: countyCode.optional(), volunteer: decimalInt(1).optional(), team: decimalInt(1).optional(), confirmed: bool.optional(),
  from: isoDate.optional(), to: isoDate.optional(), limit: decimalInt(1, 200).default(50), after: decimalInt(1).optional(),
});

export const serviceItem = z.object({
  id: z.number(), countyCode: z.string(), teamId: z.number().nullable(), teamName: z.string().nullable(), organisationId: z.number(), organisationName: z.string(),
  volunteerId: z.number(), volunteerName: z.string(), activity: z.string(), servedOn: z.string(), areaCode: z.string(), areaName: z.string(),
  minutes: z.number(), hours: z.number(), confirmed: z.boolean(), confirmedBy: z.string().nullable(), confirmedOn: z.string().nullable(),
});
export const serviceList = z.object({ items: z.array(serviceItem), next: z.number().nullable() });
