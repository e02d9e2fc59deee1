// Deadlines of the procedures (审核确认办法 art. 15–22, 审核审批办法（试行）art. 18–29, 特困人员认定
// 办法 art. 12–17, …): a time limit parameter counted from a start date, the start day excluded.
// Limits in working days follow the official calendar with 调休; notice periods are calendar days
// (公示期为7天); review intervals are months. The parameter in force on the start date applies.
import { addDays, addMonths } from '../dates.ts';
import type { Trace } from '../explain.ts';
import { addWorkingDays } from '../working-days.ts';

export type Deadline = { parameter: string; amount: number; unit: string; start: string; deadline: string };

export function procedureDeadline(t: Trace, parameter: string, start: string): Deadline {
  const limit = t.param(parameter);
  if (typeof limit.value !== 'number') throw new Error(`Parameter "${parameter}" is not a time limit`);
  const n = limit.value;
  const deadline =
    limit.unit === 'working_days' ? addWorkingDays(start, n)
    : limit.unit === 'days' ? addDays(start, n)
    : limit.unit === 'months' ? addMonths(start, n)
    : null;
  if (deadline === null) throw new Error(`Parameter "${parameter}" has unit ${limit.unit}, not a time limit`);
  return { parameter, amount: n, unit: limit.unit, start, deadline: t.step(`deadline.${parameter}`, deadline, 'date') };
}
