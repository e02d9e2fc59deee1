// Requests and responses of purchase contracts (政府购买服务合同) and their yearly evaluations (年度考核).
import { z } from 'zod';
import { countyCode, decimalInt, isoDate } from '../../../kernel/types.ts';
import { CONTRACT_KINDS, CONTRACT_STATUSES, RATINGS } from '../codes.ts';
import { text } from './common.ts';

const kind = z.enum(CONTRACT_KINDS, { message: '服务类别应为 事务性 或 服务性' });

export const newContractSchema = z.strictObject({
  /** Default: the caller's own county. */
  countyCode: countyCode.optional(),
  /** A social organisation of the county (社会工作服务机构, 志愿服务组织 or other; not a charity-only one). */
  providerId: decimalInt(1),
  kind,
  title: z.string().trim().min(2, '合同名称至少2个字').max(200, '合同名称不超过200字'),
  periodFrom: isoDate,
  periodTo: isoDate,
  /** Whole fen, more than 0. */
  amountFen: z.number({ message: '合同金额应为数字（分）' }).int('合同金额应为整数（分）').min(1, '合同金额应大于0').max(100_000_000_000, '合同金额过大'),
  signedOn: isoDate,
});
export const closeSchema = z.strictObject({ on: isoDate, reason: text(500, '原因').optional() });
export const contractQuery = z.strictObject({
  county: countyCode.optional(), status: z.enum(CONTRACT_STATUSES).optional(), year: decimalInt(2000, 2100).optional(),
});

export const contractItem = z.object({
  id: z.number(), contractNo: z.string(), countyCode: z.string(), countyName: z.string(),
  providerId: z.number(), providerName: z.string(), kind, kindLabel: z.string(), title: z.string(),
  periodFrom: z.string(), periodTo: z.string(), amountFen: z.number(), signedOn: z.string(),
  status: z.enum(CONTRACT_STATUSES), statusLabel: z.string(), closedOn: z.string().nullable(), closeReason: z.string().nullable(),
  tasks: z.number(), tasksDone: z.number(), tasksOverdue: z.number(),
});
export const contractList = z.object({ items: z.array(contractItem) });

export const newEvaluationSchema = z.strictObject({
  contractId: decimalInt(1),
  year: decimalInt(2000, 2100),
  /** 0 to 100, whole points. */
  score: z.number({ message: '考核得分应为数字' }).int('考核得分应为整数').min(0, '考核得分不小于0').max(100, '考核得分不大于100'),
  evaluatedOn: isoDate,
  remarks: text(1000, '考核意见').optional(),
});
export const evaluationQuery = z.strictObject({ contract: decimalInt(1).optional(), year: decimalInt(2000, 2100).optional() });
export const evaluationItem = z.object({
  id: z.number(), countyCode: z.string(), contractId: z.number(), contractNo: z.string(), contractTitle: z.string(), providerName: z.string(),
  year: z.number(), score: z.number(), rating: z.enum(RATINGS), ratingLabel: z.string(), evaluatedOn: z.string(), remarks: z.string().nullable(),
  /** Tasks of the contract in the year: assigned, performed (done), confirmed; due in the year and not done by their due date. */
  tasksAssigned: z.number(), tasksDone: z.number(), tasksConfirmed: z.number(), tasksOverdue: z.number(),
});
export const evaluationList = z.object({ items: z.array(evaluationItem) });
export const contractDetail = contractItem.extend({ evaluations: z.array(evaluationItem), mayManage: z.boolean() });
