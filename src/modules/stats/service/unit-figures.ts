// Metric sums → the module's own figures of one unit (or the total): intake, complaints, recoveries,
// overdue items, registry and 应保尽保, payroll totals, verification. Ratios are fractions, money in fen,
// `null` where the denominator is zero. Programme figures: programme-figures.ts.
import type { UnitFigures } from '../contract.ts';
import { PAYROLL_METRIC } from '../domain/metrics.ts';
import type { SumField } from '../domain/evaluate.ts';
import type { UnitMetric } from '../repo/read.ts';

export { FIGURE_KEYS, type FigureKey, type UnitFigures } from '../contract.ts';

/** Σ of one field of a metric over rows (of a unit, or all units), by metric. */
export type Sums = (metric: string, field: SumField) => number;

const FIELDS: readonly SumField[] = ['stock', 'stock_prev', 'months', 'months_prev', 'flow', 'flow_prev', 'overdue', 'snapshot'];

export function sumsOf(rows: readonly UnitMetric[]): Sums {
  const by = new Map<string, Record<SumField, number>>();
  for (const r of rows) {
    let acc = by.get(r.metric);
    if (!acc) by.set(r.metric, (acc = { stock: 0, stock_prev: 0, months: 0, months_prev: 0, flow: 0, flow_prev: 0, overdue: 0, snapshot: 0 }));
    for (const f of FIELDS) acc[f] += Number(r[f]);
  }
  return (metric, field) => by.get(metric)?.[field] ?? 0;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function unitFigures(rows: readonly UnitMetric[]): UnitFigures {
  const sum = sumsOf(rows);
  const payroll = (key: 'net_fen' | 'lines') => rows.reduce((a, r) => (PAYROLL_METRIC.test(r.metric) && r.metric.endsWith(`.${key}`) ? a + Number(r.flow) : a), 0);
  const received = sum('intake.received', 'flow');
  const completed = sum('intake.completed', 'flow');
  return {
    intakeReceived: received,
    intakeCompleted: completed,
    intakeCompletionRate: ratio(completed, received),
    complaintsReceived: sum('complaints.received', 'flow'),
    complaintsConcluded: sum('complaints.concluded', 'flow'),
    complaintsSubstantiated: sum('complaints.substantiated', 'flow'),
    complaintsFavouritism: sum('complaints.favouritism', 'flow'),
    recoveredFen: sum('recoveries.recovered_fen', 'flow'),
    fineFen: sum('recoveries.fine_fen', 'flow'),
    overdueCases: sum('cases.due', 'overdue'),
    overdueReferrals: sum('referrals.due', 'overdue'),
    registryHouseholds: sum('registry.households', 'snapshot'),
    registryPersons: sum('registry.persons', 'snapshot'),
    agriculturalPersons: sum('registry.agricultural_persons', 'snapshot'),
    povertyFile: sum('registry.poverty_file', 'snapshot'),
    povertyUncovered: sum('warn.poverty_uncovered', 'snapshot'),
    eligibleUncovered: sum('warn.eligible_uncovered', 'snapshot'),
    nearDibao: sum('warn.near_dibao', 'snapshot'),
    payrollNetFen: payroll('net_fen'),
    payrollLines: payroll('lines'),
    verificationRequests: sum('verification.requests', 'flow'),
    rescreenRequests: sum('verification.rescreen_requests', 'flow'),
    verificationFindings: sum('verification.findings', 'flow'),
    verificationBreaking: sum('verification.breaking', 'flow'),
    verificationFavouritism: sum('verification.favouritism', 'flow'),
    rescreenHits: sum('warn.rescreen_hits', 'snapshot'),
    favouritismFlags: sum('warn.favouritism_flags', 'snapshot'),
  };
}
