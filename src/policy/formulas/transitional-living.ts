// Transitional living support after a disaster (过渡期生活救助, 自然灾害救助条例 art. 18; 社会救助暂行
// 办法 art. 24; central rate 20 yuan per person per day for at most 3 months, both parameters): for
// persons whose house collapsed or was badly damaged and who have no home, no income and cannot
// support themselves. Days count from the first to the last day inclusive, cut at the period's end.
import { z } from 'zod';
import { addDays, addMonths, daysBetween, isIsoDate } from '../dates.ts';
import type { Trace } from '../explain.ts';
import { roundToUnit } from '../money.ts';

export const transitionalClaimSchema = z.strictObject({
  persons: z.number().int().positive(),
  startDate: z.string().refine(isIsoDate, 'must be YYYY-MM-DD'),
  endDate: z.string().refine(isIsoDate, 'must be YYYY-MM-DD'),
});
export type TransitionalClaim = z.infer<typeof transitionalClaimSchema>;
export type TransitionalLiving = { lastDay: string; days: number; amount: number };

export function transitionalLiving(t: Trace, claim: TransitionalClaim): TransitionalLiving {
  const latest = addDays(addMonths(claim.startDate, t.number('disaster.transitional_living.max_months')), -1);
  const lastDay = t.step('transitional.last_day', claim.endDate < latest ? claim.endDate : latest, 'date');
  const days = t.step('transitional.days', Math.max(0, daysBetween(claim.startDate, lastDay) + 1), 'days');
  const rate = t.fen('disaster.transitional_living.rate');
  const unit = t.fen('disaster.transitional_living.rounding_unit');
  return { lastDay, days, amount: t.step('transitional.amount', roundToUnit(rate * claim.persons * days, unit), 'fen') };
}
