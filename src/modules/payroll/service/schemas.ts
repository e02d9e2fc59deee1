import { z } from 'zod';
import { decimalInt, isoDate } from '../../../kernel/types.ts';
import { isProgramme } from '../../../programmes/registry.ts';
import { FILE_KINDS } from '../contract.ts';

const periodRe = /^\d{4}-(0[1-9]|1[0-2])$/;
export const period = z.string().regex(periodRe, '月份格式应为 YYYY-MM');
export const countyCode = z.string().regex(/^\d{6}$/, '县级区划代码应为6位数字');
export const payrollNoSchema = z.string().regex(/^FF\d{12}$/, '名册编号格式应为 FF + 县代码 + 年月（12 位数字）');

export const runSchema = z.strictObject({ period, countyCode });
export const listSchema = z.strictObject({
  county: countyCode.optional(),
  period: period.optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});
export const linesSchema = z.strictObject({
  /** A township (乡镇/街道) of the payroll's county in the caller's scope. */
  township: z.string().regex(/^\d{9}$/, '乡镇代码应为9位数字').optional(),
  /** The person: a prefix of the name, or the ID number (18 characters, exact). */
  q: z.string().trim().min(1, '请输入姓名或身份证号码').max(50, '检索内容最多50个字符').optional(),
  programme: z.string().max(40).refine(isProgramme, '未知的救助项目').optional(),
  unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: decimalInt(1, 500).default(50),
  after: decimalInt(1).optional(),
});
export const bankFileSchema = z.strictObject({
  bank: z.string().max(100).default(''),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const paymentFileSchema = z.strictObject({
  kind: z.enum(FILE_KINDS),
  /** the bank (kind bank), the payee insurer or institution (kind payee); empty for the cash list */
  key: z.string().max(100).default(''),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const returnsQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  fileName: z.string().trim().max(200).optional(),
});
export const fundSchema = z.strictObject({
  county: countyCode.optional(),
  from: period.optional(),
  to: period.optional(),
});
export const receivableSchema = z.strictObject({
  householdNo: z.string().min(1, '请填写户编号').max(30),
  amountFen: z.number().int().positive('应收金额应大于0'),
  decidedOn: isoDate,
  reason: z.string().trim().min(2, '请填写多发原因').max(500),
});
export const repaymentSchema = z.strictObject({
  amountFen: z.number().int().positive('退还金额应大于0'),
  date: isoDate,
  note: z.string().max(500).default(''),
});
