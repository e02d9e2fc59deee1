// Working days on the Chinese official calendar: weekends and public holidays are off, swapped
// working days (调休, e.g. a Saturday worked before 国庆) are on. Dates are Asia/Shanghai civil dates
// as ISO strings. As in administrative law, the start day itself is not counted.
import chineseDays from 'chinese-days';
import { addDays, assertIsoDate } from './dates.ts';

export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(assertIsoDate(date));
}

/** The date that is the `n`-th working day after `startDate` (n ≥ 0; n = 0 → startDate). */
export function addWorkingDays(startDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  let date = assertIsoDate(startDate);
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** Working days d with a < d ≤ b (negative when b is before a). */
export function workingDaysBetween(a: string, b: string): number {
  if (b < a) return -workingDaysBetween(b, a);
  let count = 0;
  for (let date = addDays(assertIsoDate(a), 1); date <= b; date = addDays(date, 1)) {
    if (isWorkingDay(date)) count += 1;
  }
  return count;
}
