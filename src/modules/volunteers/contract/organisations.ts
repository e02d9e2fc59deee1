// Requests and responses of organisations (慈善组织, 志愿服务组织, 社会工作服务机构) and their teams (队伍).
import { z } from 'zod';
import { areaCode, countyCode, creditCode, decimalInt, isoDate } from '../../../kernel/types.ts';
import { ORG_KINDS, ORG_STATUSES } from '../codes.ts';
import { phone, text } from './common.ts';

const kind = z.enum(ORG_KINDS, { message: '组织类别应为 慈善组织、志愿服务组织、社会工作服务机构 或 其他' });

export const newOrganisationSchema = z.strictObject({
  /** Default: the caller's own county. */
  countyCode: countyCode.optional(),
  kind,
  name: z.string().trim().min(2, '组织名称至少2个字').max(100, '组织名称不超过100字'),
  creditCode: creditCode.optional(),
  /** 慈善组织认定 date: charities only. */
  charityRecognisedOn: isoDate.optional(),
  contactPerson: text(50, '联系人').optional(),
  contactPhone: phone.optional(),
});
export const organisationQuery = z.strictObject({ county: countyCode.optional(), kind: kind.optional() });

export const organisationItem = z.object({
  id: z.number(), countyCode: z.string(), countyName: z.string(), kind: z.enum(ORG_KINDS), kindLabel: z.string(), name: z.string(),
  creditCode: z.string().nullable(), charityRecognisedOn: z.string().nullable(), contactPerson: z.string().nullable(), contactPhone: z.string().nullable(),
  status: z.enum(ORG_STATUSES), statusLabel: z.string(), teams: z.number(),
});
export const organisationList = z.object({ items: z.array(organisationItem) });
export const teamItem = z.object({
  id: z.number(), countyCode: z.string(), organisationId: z.number(), organisationName: z.string(), name: z.string(),
  areaCode: z.string(), areaName: z.string(), leader: z.string(), members: z.number(),
});
export const teamList = z.object({ items: z.array(teamItem) });
export const organisationDetail = organisationItem.extend({ teamList: z.array(teamItem), mayManage: z.boolean() });

export const newTeamSchema = z.strictObject({
  organisationId: decimalInt(1),
  name: z.string().trim().min(2, '队伍名称至少2个字').max(100, '队伍名称不超过100字'),
  /** The township or village the team serves (in the organisation's county). */
  areaCode,
  leader: text(50, '队长'),
});
export const teamQuery = z.strictObject({ county: countyCode.optional(), organisation: decimalInt(1).optional() });
