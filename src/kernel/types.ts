// Shared zod types with Chinese messages: dates, months, area codes, ID numbers, money.
import { z } from 'zod';
import { parseCreditCode } from './credit-code.ts';
import { parseIdNumber } from './id-number.ts';

// A date that exists (2015-02-30 has the right shape, and the database refuses it).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(v: string): boolean {
  const at = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? false : at.toISOString().startsWith(v);
}
export const isoDate = z.string().regex(ISO_DATE, '日期格式应为 YYYY-MM-DD').refine((v) => !ISO_DATE.test(v) || isRealDate(v), '日期不存在');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
export const areaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字');
export const countyCode = z.string().regex(/^\d{6}$/, '县级区划代码应为6位数字');
export const householdNo = z.string().regex(/^\d{14}$/, '户编号应为14位数字');
/** An 18-character ID number as written (to find a person by it). */
export const idNumber = z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为18位');
/** An ID number that is valid (GB 11643: area, birth date, check digit), to register a person. */
export const validIdNumber = z.string().trim().superRefine((v, ctx) => {
  const r = parseIdNumber(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});
/** A 统一社会信用代码 that is valid (GB 32100-2015: character set, area digits, check character). */
export const creditCode = z.string().trim().toUpperCase().superRefine((v, ctx) => {
  const r = parseCreditCode(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});
/** Money in fen (分): a non-negative integer. */
export const fen = z.number().int('金额应为整数（分）').min(0, '金额不能为负');

const DECIMAL_INT = /^[+-]?\d+$/;
/**
 * An integer from a query or path parameter (or a JSON number): decimal digits with an optional sign
 * only. `z.coerce.number` would take '0x10' as 16, '1e3', ' 12 ', 'Infinity' and '' as numbers.
 */
export function decimalInt(min: number = Number.MIN_SAFE_INTEGER, max: number = Number.MAX_SAFE_INTEGER) {
  return z.preprocess(
    (v) => (typeof v === 'string' && DECIMAL_INT.test(v) ? Number(v) : v),
    z.number({ error: '应为十进制整数' }).int('应为整数').min(min, `应不小于 ${min}`).max(max, `应不大于 ${max}`),
  );
}
