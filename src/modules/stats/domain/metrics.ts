// The metrics of the roll-up (stats_rollup.metric) and how a period reads them. One name per figure;
// the service turns sums of these into the figures of rules.md §11.
export const PROGRAMMES = ['dibao', 'hardship'] as const;
export const HUKOU = ['urban', 'rural'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export type Hukou = (typeof HUKOU)[number];

/** Per case segment (a benefit in force from a month): counted from the month it starts, removed from the month it stops. */
export const CASE_STOCKS = ['households', 'persons', 'amount', 'gap', 'topup', 'institutional'] as const;
export type CaseStock = (typeof CASE_STOCKS)[number];
export const caseMetric = (p: Programme, h: Hukou, s: CaseStock) => `${p}.${h}.${s}`;

/** Counts per month (period 'YYYY-MM') of the event's month. */
export const FLOWS = [
  'intake.received', 'intake.completed',
  'complaints.received', 'complaints.concluded', 'complaints.substantiated', 'complaints.favouritism',
  'recoveries.recovered_fen', 'recoveries.fine_fen',
  'payroll.dibao.net_fen', 'payroll.dibao.lines', 'payroll.hardship.net_fen', 'payroll.hardship.lines',
  'verification.requests', 'verification.rescreen_requests', 'verification.findings', 'verification.breaking', 'verification.favouritism',
] as const;
export type Flow = (typeof FLOWS)[number];

/** Open items per due day (period 'YYYY-MM-DD'): overdue on `asOf` = due before it. */
export const DUES = ['cases.due', 'referrals.due'] as const;
export type Due = (typeof DUES)[number];

/** Registry snapshot as of the last refresh (period ''). */
export const SNAPSHOTS = [
  'registry.households', 'registry.persons', 'registry.agricultural_persons', 'registry.poverty_file',
  'warn.poverty_uncovered', 'warn.eligible_uncovered', 'warn.near_dibao', 'warn.rescreen_hits', 'warn.favouritism_flags',
] as const;
export type Snapshot = (typeof SNAPSHOTS)[number];

/** YYYY-MM as a month number, for person-months. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function shiftMonth(month: string, by: number): string {
  const i = monthIndex(month) + by;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}
