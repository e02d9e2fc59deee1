// The metrics of the roll-up (stats_rollup.metric) and how a period reads them. Programme metrics are
// `${programme}.${hukou}.${key}` from entitlements (src/programmes/stats.ts says what they count); the
// module's own are below. The service turns sums of these into figures.
export { HUKOU, type Hukou } from '../../../programmes/stats.ts';

export const programmeMetric = (programme: string, hukou: string, key: string) => `${programme}.${hukou}.${key}`;

/** Net payroll totals and lines per programme and month (payroll_totals.programme). */
export const payrollMetric = (programme: string, key: 'net_fen' | 'lines') => `payroll.${programme}.${key}`;
export const PAYROLL_METRIC = /^payroll\.[a-z_]+\.(net_fen|lines)$/;

/** Counts per month (period 'YYYY-MM') of the event's month. */
export const FLOWS = [
  'intake.received', 'intake.completed',
  'complaints.received', 'complaints.concluded', 'complaints.substantiated', 'complaints.favouritism',
  'recoveries.recovered_fen', 'recoveries.fine_fen',
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

/** The registry's snapshot metric of each registry figure a programme may use. */
export const REGISTRY_METRICS = {
  registryHouseholds: 'registry.households',
  registryPersons: 'registry.persons',
  agriculturalPersons: 'registry.agricultural_persons',
} as const;
