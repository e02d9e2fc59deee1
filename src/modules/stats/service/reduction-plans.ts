// 减量 plans another module keeps (funds): registered at import, so stats names no module. For a county,
// programme and year, the plan year: the year's target in persons to reduce, the plan's length and total.
// The reduction warning compares with the target where a plan covers the year (else the quota parameter).
import type { Database } from '../../../db/engine.ts';

export interface ReductionPlanYear {
  county: string;
  document: string;
  startYear: number;
  /** Persons to reduce in the year asked. */
  persons: number;
  /** The plan's years and the persons to reduce over all of them. */
  years: number;
  total: number;
}
export type ReductionPlanSource = (db: Database, q: { counties: readonly string[]; programme: string; year: number }) => Promise<ReductionPlanYear[]>;

let source: ReductionPlanSource | null = null;

export function registerReductionPlans(s: ReductionPlanSource): void {
  source = s;
}

export async function reductionPlans(db: Database, q: { counties: readonly string[]; programme: string; year: number }): Promise<Map<string, ReductionPlanYear>> {
  if (!source || q.counties.length === 0) return new Map();
  return new Map((await source(db, q)).map((p) => [p.county, p]));
}
