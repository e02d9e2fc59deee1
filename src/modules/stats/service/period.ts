import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';
import { AppError } from '../../../kernel/errors.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { monthIndex, shiftMonth } from '../domain/metrics.ts';
import type { Period } from '../contract.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
export const areaField = z.string().regex(/^(\d{6}|\d{9})$/, '区划代码应为州、县或乡镇代码（6 或 9 位数字）');

/** A period: a year, or months from–to (inclusive); default the current year to date. */
export const periodSchema = z.strictObject({
  area: areaField.optional(),
  year: decimalInt(2000, 2100).optional(),
  from: month.optional(),
  to: month.optional(),
});
export type PeriodInput = z.output<typeof periodSchema>;

export type { Period };

function lastDay(m: string): string {
  const next = shiftMonth(m, 1);
  const d = new Date(`${next}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export function resolvePeriod(input: PeriodInput, today = todayInChina()): Period {
  let from: string;
  let to: string;
  if (input.year !== undefined) {
    if (input.from || input.to) throw AppError.field('year', '年份与起止月份只能二选一');
    from = `${input.year}-01`;
    to = `${input.year}-12`;
  } else {
    to = input.to ?? today.slice(0, 7);
    from = input.from ?? `${to.slice(0, 4)}-01`;
  }
  if (from > to) throw AppError.field('from', '开始月份不能晚于结束月份');
  const date = lastDay(to);
  const asOf = today;
  return { from, to, prevFrom: shiftMonth(from, -12), prevTo: shiftMonth(to, -12), date, prevDate: lastDay(shiftMonth(to, -12)), asOf, months: monthIndex(to) - monthIndex(from) + 1 };
}

