// 减量 plans: a county's multi-year reduction plan per programme as the province/prefecture sets it — the
// document, the start year and the persons to reduce in each year. Recorded by the prefecture admin; two
// plans of a county and programme never cover the same year (409). The stats module's reduction warning
// compares a year's reduction with the year's target (registered in index.ts through `planYearsOf`).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import type { newPlanSchema, planQuery } from '../contract/plans.ts';
import { allow } from '../permissions.ts';
import { overlapping, planById, plansIn, planYears, type PlanRow } from '../repo/funds.ts';
import { fundCounty, readArea } from './access.ts';
import { programmeName } from './labels.ts';

const planView = (p: PlanRow) => ({
  id: p.id, countyCode: p.county_code, countyName: p.county_name, programme: p.programme, programmeLabel: programmeName(p.programme), document: p.document,
  startYear: p.start_year, endYear: p.start_year + p.targets.length - 1, years: p.targets.length, totalPersons: p.targets.reduce((s, t) => s + t.persons, 0),
  targets: p.targets, recordedBy: p.recorded_by,
});

export async function createPlan(db: Database, scope: Scope, input: z.output<typeof newPlanSchema>) {
  allow(scope, 'funds.plan');
  const county = await fundCounty(db, scope, input.countyCode);
  const endYear = input.startYear + input.targets.length - 1;
  if (endYear > 2100) throw AppError.field('targets', '减量计划的最后年度不能晚于2100年');
  if ((await overlapping(db.kysely, county, input.programme, input.startYear, endYear)) > 0) {
    throw new AppError('reduction_plan_overlaps', '该县该项目已有覆盖这些年度的减量计划', 409, { fields: [{ field: 'startYear', message: '已有覆盖这些年度的减量计划' }] });
  }
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('reduction_plans').values({ county_code: county, programme: input.programme, document: input.document, start_year: input.startYear, recorded_by: scope.userName })
      .returning('id').executeTakeFirstOrThrow();
    const planId = Number(row.id);
    await tx.insertInto('reduction_plan_targets').values(input.targets.map((persons, i) => ({ county_code: county, plan_id: planId, year: input.startYear + i, persons }))).execute();
    await appendAudit(tx, scope, { action: 'funds.plan.create', entity: 'reduction_plan', entityId: String(planId), areaCode: county, after: input });
    return planId;
  });
  return planView((await planById(db.kysely, county, id))!);
}

export async function listPlans(db: Database, scope: Scope, q: z.output<typeof planQuery>) {
  allow(scope, 'funds.read');
  const area = await readArea(db, scope, q.area);
  return { items: (await plansIn(db.kysely, visibleCounties(scope, 'p.county_code'), inArea(area.code, 'p.county_code'))).map(planView) };
}

/** For the stats module's reduction warning: the plan year of each county (target, plan years, plan total). */
export async function planYearsOf(db: Database, q: { counties: readonly string[]; programme: string; year: number }) {
  const rows = await planYears(db.kysely, q.counties, q.programme, q.year);
  return rows.map((r) => ({ county: r.county_code, document: r.document, startYear: r.start_year, persons: r.persons, years: r.years, total: r.total }));
}
