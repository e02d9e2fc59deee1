// Warnings of rules.md §10 per county of the area, from the roll-up; each opens its list
// (`warningItems`), read from the source tables.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import * as lists from '../repo/lists.ts';
import * as read from '../repo/read.ts';
import { currentStandards, refresh, resolveArea } from './figures.ts';
import { periodSchema, resolvePeriod, type PeriodInput } from './period.ts';
import { unitFigures } from './unit-figures.ts';
import { WARNING_KINDS, type Warning, type WarningKind } from '../contract.ts';

export { WARNING_KINDS, type Warning, type WarningKind };



/** A county's reduction quota: its own value if set, else its share (by last year's persons) of the enclosing one. */
function quotaOf(own: { value: number; area: string } | null, county: string, prev: number, prefPrev: number): number | null {
  if (!own) return null;
  if (own.area === county) return own.value;
  return prefPrev === 0 ? null : Math.round((own.value * prev) / prefPrev);
}

export async function warnings(db: Database, scope: Scope, input: PeriodInput): Promise<{ area: string; items: Warning[] }> {
  allow(scope, 'stats.read');
  const area = await resolveArea(db, scope, input.area);
  const period = resolvePeriod(input);
  await refresh(db);
  const rows = await read.unitMetrics(db.kysely, scope, { area: area.code, unitLength: 6, ...period });
  const counties = await read.countyUnits(db.kysely, area.code);
  const params = await databaseParameterSet(db);
  const get = (name: string, code: string, date: string) => {
    try {
      const v = params.get(name, code, date, ruleSetFor(date, params));
      return v.value === null ? null : { value: Number(v.value), area: v.area };
    } catch {
      return null;
    }
  };
  const all = unitFigures(rows);
  const items: Warning[] = [];
  for (const c of counties) {
    const f = unitFigures(rows.filter((r) => r.unit === c.code));
    if (f.registryHouseholds === 0 && f.dibaoHouseholds === 0 && f.dibaoPersonsPrev === 0) continue;
    const base = { areaCode: c.code, areaName: c.name };
    const floor = get('monitoring.rural_coverage_floor', c.code, period.date);
    if (floor && f.ruralCoverage !== null && f.ruralCoverage < floor.value) items.push({ kind: 'rural_coverage', ...base, value: f.ruralCoverage, threshold: floor.value });
    const reduction = (f.dibaoPersonsPrev ?? 0) - (f.dibaoPersons ?? 0);
    const quota = quotaOf(get('monitoring.province_reduction_quota', c.code, period.date), c.code, f.dibaoPersonsPrev ?? 0, all.dibaoPersonsPrev ?? 0);
    if (quota !== null && reduction > quota) items.push({ kind: 'reduction_quota', ...base, value: reduction, threshold: quota });
    const counts: [WarningKind, number | null][] = [
      ['poverty_uncovered', f.povertyUncovered], ['eligible_uncovered', f.eligibleUncovered], ['near_dibao', f.nearDibao],
      ['overdue_cases', f.overdueCases], ['overdue_referrals', f.overdueReferrals],
      ['rescreen_hits', f.rescreenHits], ['favouritism_flags', f.favouritismFlags],
    ];
    for (const [kind, n] of counts) if (n !== null && n > 0) items.push({ kind, ...base, value: n, threshold: null });
  }
  return { area: area.code, items };
}

export const warningItemsSchema = periodSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.coerce.number().int().min(0).optional(),
});

/** The list behind a warning: counties (coverage, reduction), households, cases or referrals. */
export async function warningItems(db: Database, scope: Scope, kind: WarningKind, q: z.output<typeof warningItemsSchema>) {
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
      const rows = await lists.uncoveredHouseholds(db.kysely, scope, { area: area.code, kind, standards: await currentStandards(db), limit, after });
      const households = rows.map((r) => ({ householdNo: r.household_no, villageCode: r.village_code, villageName: r.village_name, hukou: r.hukou, headName: r.head_name, persons: r.persons, perCapitaIncome: r.per_capita_income, povertyFile: r.poverty_file }));
      return { kind, area: area.code, counties: [], households, cases: [], referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'overdue_cases': {
      const rows = await lists.overdueCases(db.kysely, scope, { area: area.code, asOf, limit, after });
      const cases = rows.map((r) => ({ caseNo: r.case_no, programme: r.programme, state: r.state, areaCode: r.area_code, villageName: r.village_name, applicantName: r.applicant_name, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases, referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'overdue_referrals': {
      const rows = await lists.overdueReferrals(db.kysely, scope, { area: area.code, asOf, limit, after });
      const referrals = rows.map((r) => ({ id: r.id, requestNo: r.request_no, areaCode: r.area_code, personName: r.person_name, department: r.department, need: r.need, status: r.status, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases: [], referrals, next: rows.length === limit ? rows.at(-1)!.id : null };
    }
    case 'rescreen_hits':
    case 'favouritism_flags': {
      const flags = kind === 'rescreen_hits' ? ['verification_warning'] : ['staff_relative', 'cadre_relative'];
      const rows = await lists.flaggedCases(db.kysely, scope, { area: area.code, flags, limit, after });
      const cases = rows.map((r) => ({ caseNo: r.case_no, programme: r.programme, state: r.state, areaCode: r.area_code, villageName: r.village_name, applicantName: r.applicant_name, due: r.due }));
      return { kind, area: area.code, counties: [], households: [], cases, referrals: [], next: rows.length === limit ? rows.at(-1)!.id : null };
    }
  }
}
