// Calendar helpers on ISO date strings (Asia/Shanghai civil dates, no time zone arithmetic needed
// because every date in the law is a civil date). Money and dates never go through JS Date times.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

export function assertIsoDate(date: string): string {
  if (!isIsoDate(date)) {
    throw new Error(`Not an ISO date (YYYY-MM-DD): "${date}"`);
  }
  return date;
}

export function isIsoDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const d = toUtc(date);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A period is a month (YYYY-MM, parameters in force on its first day) or a date (YYYY-MM-DD). */
export function periodDate(period: string): string {
  if (ISO_MONTH.test(period)) return assertIsoDate(`${period}-01`);
  return assertIsoDate(period);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(assertIsoDate(date));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day of month `months` later, clamped to the month's last day (2015-01-31 + 1 → 2015-02-28). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(assertIsoDate(date));
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(assertIsoDate(b)).getTime() - toUtc(assertIsoDate(a)).getTime()) / 86_400_000);
}

/** Age in completed years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = assertIsoDate(birthDate).split('-').map(Number) as [number, number, number];
  const [y, m, d] = assertIsoDate(date).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
