// The province's 减量 plans (减量提标, 2015–2020) per county, against which the report's reduction warning
// compares: "把省州部署规划6年的减量计划在一年全部减完" (seed, part three). The seed gives no county's plan: ASSUMED six
// equal yearly targets, the whole plan 80% of what the county reduced in 2015 in the eight counties that reduced
// the most (the seed: 8 of 13 counties fell below the plan's ratio) — so they used it up in one year — and 150%
// in the others.
import type { Database } from '../../db/engine.ts';
import { parseOrThrow } from '../../kernel/validate.ts';
import type { Scope } from '../../kernel/scope.ts';
import { createPlan, newPlanSchema } from '../../modules/funds/index.ts';
import { apportion, type ScenarioPlan } from './plan.ts';

export const PLAN_YEARS = 6;
export const USED_UP_COUNTIES = 8;

/** Each county's 2015 reduction (低保 persons closed at the end of 2014) and its six-year plan. */
export function reductionPlans(plan: ScenarioPlan): { countyCode: string; reduced: number; total: number; targets: number[] }[] {
  const reduced = plan.counties.map((c) => ({ countyCode: c.countyCode, reduced: c.dibao.urban.exit + c.dibao.rural.exit }));
  const most = new Set([...reduced].sort((a, b) => b.reduced - a.reduced || a.countyCode.localeCompare(b.countyCode)).slice(0, USED_UP_COUNTIES).map((c) => c.countyCode));
  return reduced.map((c) => {
    const total = Math.max(PLAN_YEARS, Math.round(c.reduced * (most.has(c.countyCode) ? 0.8 : 1.5)));
    return { ...c, total, targets: apportion(total, Array.from({ length: PLAN_YEARS }, () => 1)) };
  });
}

export async function loadReductionPlans(db: Database, scope: Scope, plan: ScenarioPlan): Promise<number> {
  for (const p of reductionPlans(plan)) {
    await createPlan(db, scope, parseOrThrow(newPlanSchema, {
      countyCode: p.countyCode, programme: 'dibao', document: '黔南州城乡低保减量提标规划（2015—2020年，情景假设）', startYear: 2015, targets: p.targets,
    }));
  }
  return plan.counties.length;
}
