// Months of benefits: YYYY-MM; benefits start (and stop) from the month after a decision.
import { addMonths } from '../../../policy/index.ts';

/** YYYY-MM of the month after `date`. */
export function nextMonth(date: string): string {
  return addMonths(`${date.slice(0, 7)}-01`, 1).slice(0, 7);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthStart(month: string): string {
  return `${month}-01`;
}
