// Warnings of rules.md §10 per county of the area, from the roll-up; each opens its list
// (`warningItems`), read from the source tables. Coverage floors and reduction quotas watch the figures
// programmes name in their monitoring (src/programmes/stats.ts); the rest are the module's own counts.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { areaPaths } from '../../areas/index.ts';
import { WARNING_KINDS, type Figure, type Warning, type WarningItems, type WarningKind, type WarningsResult } from '../contract.ts';
import { statsProgrammes, type StatsProgramme } from '../domain/catalogue.ts';
import { allow } from '../permissions.ts';
import * as lists from '../repo/lists.ts';
import * as read from '../repo/read.ts';
import { currentAssessment, currentRollup, resolveArea } from './figures.ts';
import { parameterMeans } from './parameters.ts';
import { periodSchema, resolvePeriod, type PeriodInput } from './period.ts';
import { programmeFigures } from './programme-figures.ts';
import { reductionPlans } from './reduction-plans.ts';
import { sumsOf, unitFigures } from './unit-figures.ts';

export { WARNING_KINDS, type Warning, type WarningKind };

/** A county's reduction quota: its own value if set, else its share (by last year's figure) of the enclosing one. */
function quotaOf(own: { value: number; area: string } | null, county: string, prev: number, areaPrev: number): number | null {
  if (!own) return null;
  if (own.area === county) return own.value;
  return areaPrev === 0 ? null : Math.round((own.value * prev) / areaPrev);
}

const byKey = (figures: readonly Figure[]) => new Map(figures.map((f) => [f.key, f]));

export async function warnings(db: Database, scope: Scope, input: PeriodInput, programmes: readonly StatsProgramme[] = statsProgrammes()): Promise<WarningsResult> {
  allow(scope, 'stats.read');
  const area = await resolveArea(db, scope, input.area);
  const period = resolvePeriod(input);
  const { reads } = await currentRollup(db);
  const rows = await read.unitMetrics(reads, scope, { area: area.code, unitLength: 6, ...period });
  const counties = await read.countyUnits(reads, area.code);
  const params = await databaseParameterSet(db);
  const get = (name: string, code: string, date: string) => {
    try {
      const v = params.get(name, code, date, ruleSetFor(date, params));
      return v.value === null ? null : { value: Number(v.value), area: v.area };
    } catch {
      return null;
    }
  };
  const monitored = programmes.filter((p) => Object.keys(p.monitoring).length > 0);
  const means = await parameterMeans(db, reads, monitored, area.code, period);
  const totals = new Map(monitored.map((p) => [p.code, byKey(programmeFigures(p, { code: area.code, sums: sumsOf(rows) }, means))]));
  // 减量 plans covering the period's year: a county's target replaces the quota parameter for it.
  const year = Number(period.date.slice(0, 4));
  const plans = new Map(await Promise.all(monitored.filter((p) => p.monitoring.reduction_quota)
    .map(async (p) => [p.code, await reductionPlans(db, { counties: counties.map((c) => c.code), programme: p.code, year })] as const)));
  const items: Warning[] = [];
  const paths = await areaPaths(reads, counties.map((c) => c.code));
  for (const c of counties) {
    const mine = rows.filter((r) => r.unit === c.code);
    if (mine.length === 0) continue;
    const base = { areaCode: c.code, areaName: c.name, areaPath: paths.get(c.code) ?? [c.name] };
    for (const p of monitored) {
      const figures = byKey(programmeFigures(p, { code: c.code, sums: sumsOf(mine) }, means));
      const coverage = p.monitoring.rural_coverage;
      const covered = coverage && figures.get(coverage.figure);
      const floor = coverage && get(coverage.parameter, c.code, period.date);
      if (covered && floor && covered.value !== null && covered.value < floor.value) {
        items.push({ kind: 'rural_coverage', ...base, value: covered.value, threshold: floor.value, programme: p.code, label: covered.label });
      }
      const reduction = p.monitoring.reduction_quota;
      const reduced = reduction && figures.get(reduction.figure);
      if (reduction && reduced) {
        const fewer = (reduced.prev ?? 0) - (reduced.value ?? 0);
        const plan = plans.get(p.code)?.get(c.code);
        const quota = plan ? plan.persons : quotaOf(get(reduction.parameter, c.code, period.date), c.code, reduced.prev ?? 0, totals.get(p.code)?.get(reduction.figure)?.prev ?? 0);
        const planned = plan ? { document: plan.document, startYear: plan.startYear, years: plan.years, total: plan.total } : null;
        if (quota !== null && fewer > quota) items.push({ kind: 'reduction_quota', ...base, value: fewer, threshold: quota, programme: p.code, label: reduced.label, plan: planned });
      }
    }
    const f = unitFigures(mine);
    const counts: [WarningKind, number | null][] = [
      ['poverty_uncovered', f.povertyUncovered], ['eligible_uncovered', f.eligibleUncovered], ['near_dibao', f.nearDibao],
      ['overdue_cases', f.overdueCases], ['overdue_referrals', f.overdueReferrals],
      ['rescreen_hits', f.rescreenHits], ['favouritism_flags', f.favouritismFlags],
    ];
    for (const [kind, n] of counts) if (n !== null && n > 0) items.push({ kind, ...base, value: n, threshold: null, programme: null, label: null });
  }
  return { area: area.code, items };
}

export const warningItemsSchema = periodSchema.extend({
  limit: decimalInt(1, 500).default(100),
  after: decimalInt(0).optional(),
});

/** The list behind a warning: counties (coverage, reduction), households, cases or referrals, each with its area's full path. */
export async function warningItems(db: Database, scope: Scope, kind: WarningKind, q: z.output<typeof warningItemsSchema>): Promise<WarningItems> {
  // The lists behind the dashboard's warnings may lag as the dashboard does (a replica).
  const reads = (await db.reads.source()).kysely;
  const r = await itemsOf(db, reads, scope, kind, q);
  const paths = await areaPaths(reads, [...r.households.map((h) => h.villageCode), ...r.cases.map((c) => c.areaCode), ...r.referrals.map((x) => x.areaCode)]);
  const path = (code: string) => paths.get(code) ?? [];
  return {
    ...r,
    households: r.households.map((h) => ({ ...h, areaPath: path(h.villageCode) })),
    cases: r.cases.map((c) => ({ ...c, areaPath: path(c.areaCode) })),
    referrals: r.referrals.map((x) => ({ ...x, areaPath: path(x.areaCode) })),
  };
}

type Unplaced<T> = Omit<T, 'areaPath'>;
type ItemsWithoutPaths = Omit<WarningItems, 'households' | 'cases' | 'referrals'> & {
  households: Unplaced<WarningItems['households'][number]>[];
  cases: Unplaced<WarningItems['cases'][number]>[];
  referrals: Unplaced<WarningItems['referrals'][number]>[];
};

async function itemsOf(db: Database, reads: Kysely<DB>, scope: Scope, kind: WarningKind, q: z.output<typeof warningItemsSchema>): Promise<ItemsWithoutPaths> {
  allow(scope, 'stats.read');
  const area = await resolveArea(db, scope, q.area);
  const { limit, after } = q;
  const asOf = todayInChina();
  switch (kind) {
    case 'rural_coverage':
    case 'reduction_quota': {
      const all = await warnings(db, scope, { area: area.code, year: q.year, from: q.from, to: q.to });
      return { kind, area: area.code, counties: all.items.filter((w) => w.kind === kind), households: [], cases: [], referrals: [], next: null };
    }
    case 'poverty_uncovered':
    case 'eligible_uncovered':
    case 'near_dibao': {
      const rows = await lists.uncoveredHouseholds(reads, scope, { area: area.code, kind, assessment: await currentAssessment(db), limit, after });
      const households = rows.map((r) => ({ householdNo: r.household_no, villageCode: r.village_code, villageName: r.village_name, hukou: r.hukou, headName: r.head_name, persons: r.persons, perCapitaIncome: r.per_capita_income, povertyFile: r.poverty_file }));
      return { kind, area: area.code, counties: [], households, cases: [], referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'overdue_cases': {
      const rows = await lists.overdueCases(reads, scope, { area: area.code, asOf, limit, after });
      const cases = rows.map((r) => ({ caseNo: r.case_no, programme: r.programme, state: r.state, areaCode: r.area_code, villageName: r.village_name, applicantName: r.applicant_name, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases, referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'overdue_referrals': {
      const rows = await lists.overdueReferrals(reads, scope, { area: area.code, asOf, limit, after });
      const referrals = rows.map((r) => ({ id: r.id, requestNo: r.request_no, areaCode: r.area_code, personName: r.person_name, department: r.department, need: r.need, status: r.status, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases: [], referrals, next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'rescreen_hits':
    case 'favouritism_flags': {
      const flags = kind === 'rescreen_hits' ? ['verification_warning'] : ['staff_relative', 'cadre_relative'];
      const rows = await lists.flaggedCases(reads, scope, { area: area.code, flags, limit, after });
      const cases = rows.map((r) => ({ caseNo: r.case_no, programme: r.programme, state: r.state, areaCode: r.area_code, villageName: r.village_name, applicantName: r.applicant_name, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases, referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
  }
}
