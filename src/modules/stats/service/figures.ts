// The figures of rules.md §11 for an area and period, per child area (unit) and in total, from the
// roll-up (refreshed first for the areas that changed). Definitions: src/modules/stats/README.md.
import type { Database } from '../../../db/engine.ts';
import { requireInScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ruleSetFor, type ParameterSet } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { levelOf } from '../../../kernel/areas.ts';
import type { CountyStandard } from '../repo/compute.ts';
import * as read from '../repo/read.ts';
import { refreshDirty } from '../repo/refresh.ts';
import { resolvePeriod, type Period, type PeriodInput } from './period.ts';
import { unitFigures } from './unit-figures.ts';
import type { FiguresResult, Standards } from '../contract.ts';

export type { FiguresResult, Standards };



/** The prefecture of the demo (and of a system scope). */
export const DEFAULT_AREA = '522700';

export function defaultArea(scope: Scope): string {
  if (scope.areaCode === '') return DEFAULT_AREA;
  // Village users see their township: figures are kept per village, drill-down stops at township.
  return scope.areaLevel === 'village' ? scope.areaCode.slice(0, 9) : scope.areaCode;
}

export async function resolveArea(db: Database, scope: Scope, code: string | undefined) {
  const area = code ?? defaultArea(scope);
  if (scope.areaLevel !== 'village' || code !== undefined) requireInScope(scope, area);
  const row = await read.areaByCode(db.kysely, area);
  if (!row) throw AppError.field('area', `区划 ${area} 不存在`);
  return row;
}

function num(params: ParameterSet, name: string, area: string, date: string): number | null {
  try {
    const v = params.get(name, area, date, ruleSetFor(date, params)).value;
    return v === null ? null : Number(v);
  } catch {
    return null;
  }
}

/** Standards the near-dibao counts use: every county at today's date (the roll-up is "now"). */
export async function currentStandards(db: Database): Promise<CountyStandard[]> {
  const params = await databaseParameterSet(db);
  const today = todayInChina();
  const counties = await read.countyUnits(db.kysely, DEFAULT_AREA);
  return counties.map((c) => ({
    county: c.code,
    urban: num(params, 'dibao.standard.urban', c.code, today) ?? 0,
    rural: Math.round((num(params, 'dibao.standard.rural', c.code, today) ?? 0) / 12),
    factor: num(params, 'near_dibao.income_factor', c.code, today) ?? 1.5,
  }));
}

export async function refresh(db: Database) {
  return refreshDirty(db.kysely, () => currentStandards(db));
}

const mean = (xs: (number | null)[]) => (xs.length === 0 || xs.some((x) => x === null) ? null : Math.round((xs as number[]).reduce((a, b) => a + b, 0) / xs.length));
const growth = (now: number | null, prev: number | null) => (now === null || prev === null || prev === 0 ? null : now / prev - 1);

export async function standards(db: Database, area: string, period: Period): Promise<Standards> {
  const params = await databaseParameterSet(db);
  const units = await read.countyUnits(db.kysely, area);
  const at = (date: string) => units.map((u) => ({ urban: num(params, 'dibao.standard.urban', u.code, date), rural: num(params, 'dibao.standard.rural', u.code, date) }));
  const now = at(period.date);
  const prev = at(period.prevDate);
  const u = mean(now.map((x) => x.urban));
  const r = mean(now.map((x) => x.rural));
  const up = mean(prev.map((x) => x.urban));
  const rp = mean(prev.map((x) => x.rural));
  return {
    urbanMonthly: u, ruralYearly: r, urbanMonthlyPrev: up, ruralYearlyPrev: rp, urbanGrowth: growth(u, up), ruralGrowth: growth(r, rp),
    counties: units.map((c, i) => ({ code: c.code, name: c.name, urbanMonthly: now[i]!.urban, ruralYearly: now[i]!.rural })),
  };
}

const UNIT_LENGTH: Record<string, number> = { prefecture: 6, county: 9, township: 12 };

export async function figures(db: Database, scope: Scope, input: PeriodInput): Promise<FiguresResult> {
  allow(scope, 'stats.read');
  const area = await resolveArea(db, scope, input.area);
  const period = resolvePeriod(input);
  await refresh(db);
  const level = levelOf(area.code);
  const unitLength = UNIT_LENGTH[level];
  if (unitLength === undefined) throw AppError.field('area', '统计区划应为州、县或乡镇');
  const rows = await read.unitMetrics(db.kysely, scope, { area: area.code, unitLength, ...period });
  const children = await read.childAreas(db.kysely, scope, area.code);
  const byUnit = new Map<string, read.UnitMetric[]>();
  for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  return {
    area,
    period,
    total: unitFigures(rows),
    units: children.map((c) => ({ code: c.code, name: c.name, level: c.level, ...unitFigures(byUnit.get(c.code) ?? []) })),
    standards: await standards(db, area.code, period),
    refreshedAt: new Date().toISOString(),
  };
}
