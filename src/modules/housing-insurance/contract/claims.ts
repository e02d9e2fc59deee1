// Requests and responses of the claim routes (农房保险理赔): report, assess, payment, refusal, list, one claim.
import { z } from 'zod';
import { areaCode, decimalInt, fen, householdNo, isoDate } from '../../../kernel/types.ts';
import { CLAIM_STATUSES, GRADES, STRUCTURES } from '../codes.ts';

export const claimNoParam = z.strictObject({ claimNo: z.string().regex(/^BX\d{16}$/, '理赔编号应为 BX 加16位数字') });
const eventNo = z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字');
const money = fen.max(1_000_000_000_00, '金额过大');

export const newClaimSchema = z.strictObject({ eventNo, householdNo, reportedOn: isoDate, note: z.string().max(500, '备注不超过500字').default('') });
export const assessSchema = z.strictObject({
  grade: z.enum(GRADES, { message: '损毁等级应为 倒塌（collapsed）、严重损坏（serious）、一般损坏（general）或 未损（none）' }),
  lossFen: money,
  assessedOn: isoDate,
});
export const paySchema = z.strictObject({
  paidFen: money,
  paidOn: isoDate,
  paymentRef: z.string().trim().min(1, '请填写保险公司赔款支付凭证号').max(60, '凭证号不超过60字'),
});
export const refuseSchema = z.strictObject({
  reason: z.string().trim().min(2, '请填写拒赔原因（至少2个字）').max(200, '拒赔原因不超过200字'),
  refusedOn: isoDate,
});
export const claimListQuery = z.strictObject({
  area: areaCode.optional(),
  year: decimalInt(2000, 2100).optional(),
  eventNo: eventNo.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

export const claimView = z.object({
  id: z.number(), claimNo: z.string(), countyName: z.string(), year: z.number(), policyNo: z.string(),
  eventNo: z.string(), eventName: z.string(), householdNo: z.string(), headName: z.string(), villageName: z.string(),
  reportedOn: z.string(), status: z.enum(CLAIM_STATUSES), statusLabel: z.string(),
  structure: z.enum(STRUCTURES), structureLabel: z.string(), sumInsuredFen: z.number(),
  registeredGrade: z.enum(GRADES).nullable(), registeredGradeLabel: z.string().nullable(),
  assessedGrade: z.enum(GRADES).nullable(), assessedGradeLabel: z.string().nullable(),
  assessedLossFen: z.number().nullable(), payableFen: z.number().nullable(), assessedOn: z.string().nullable(),
  paidFen: z.number().nullable(), paidOn: z.string().nullable(), paymentRef: z.string().nullable(),
  refusedOn: z.string().nullable(), refusalReason: z.string().nullable(), note: z.string(),
});
export const claimList = z.object({ items: z.array(claimView), next: z.number().nullable() });
export const claimDetail = claimView.extend({
  /** How the payable amount was computed: the formula's steps with their parameters. */
  basis: z.unknown(),
  mayManage: z.boolean(),
});
