// Requests and responses of registered volunteers and team membership.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, isoDate, validIdNumber } from '../../../kernel/types.ts';
import { SKILLS } from '../codes.ts';
import { phone, text } from './common.ts';

const skill = z.enum(SKILLS, { message: '技能应为 医疗卫生、教育辅导、养老照护、心理疏导、法律服务 或 其他' });

export const newVolunteerSchema = z.strictObject({
  name: text(50, '姓名'),
  idNumber: validIdNumber,
  phone: phone.optional(),
  /** The township or village the volunteer lives or serves in; the county is its county. */
  areaCode,
  skills: z.array(skill).max(SKILLS.length, '技能最多6项').default([]),
  registeredOn: isoDate,
  /** The volunteer's own user account, when they have one. */
  userId: decimalInt(1).optional(),
});
export const volunteerQuery = z.strictObject({ county: countyCode.optional(), area: areaCode.optional(), skill: skill.optional(), team: decimalInt(1).optional() });

export const volunteerItem = z.object({
  id: z.number(), countyCode: z.string(), countyName: z.string(), areaCode: z.string(), areaName: z.string(),
  /** Masked in lists (张*丰). */
  name: z.string(),
  /** Masked in lists and for read-only users. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  skills: z.array(skill), skillLabels: z.array(z.string()), registeredOn: z.string(),
  /** Confirmed service minutes, all time. */
  confirmedMinutes: z.number(),
});
export const volunteerList = z.object({ items: z.array(volunteerItem) });
export const volunteerDetail = volunteerItem.extend({
  teams: z.array(z.object({ teamId: z.number(), teamName: z.string(), joinedOn: z.string() })),
  mayManage: z.boolean(),
});

export const memberSchema = z.strictObject({ volunteerId: decimalInt(1), joinedOn: isoDate });
