// The figures of an area and period, per child area (unit) and in total, from the roll-up (refreshed
// first for the areas that changed): the module's own, payroll per programme, and a section per
// programme of the catalogue. Definitions: src/modules/stats/README.md.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { dataTime } from '../../../db/replica.ts';
import type { DB } from '../../../db/schema.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import type { FiguresResult, RollupStatus } from '../contract.ts';
import { statsProgrammes, type StatsProgramme } from '../domain/catalogue.ts';
import { allow } from '../permissions.ts';
import * as read from '../repo/read.ts';
import { hasDirty, rollupState } from '../repo/refresh.ts';
import { currentAssessment } from './assessment.ts';
import { refreshRollup, refreshedInBackground } from './refresher.ts';
import { parameterMeans } from './parameters.ts';
import { resolvePeriod, type PeriodInput } from './period.ts';
import { payrollSection, programmeSection, type SummedArea } from './programme-figures.ts';
import { sumsOf, unitFigures } from './unit-figures.ts';
import { areaPaths } from '../../areas/index.ts';

export type { FiguresResult };

/** The prefecture of the demo (and of a system scope). */
export const DEFAULT_AREA = '522700';

export function defaultArea(scope: Scope): string {
  if (scope.areaCode === '') return DEFAULT_AREA;
  // Village users see their township: figures are kept per village, drill-down stops at township.
  return scope.areaLevel === 'village' ? scope.areaCode.slice(0, 9) : scope.areaCode;
}

export async function resolveArea(db: Database, scope: Scope, code: string | undefined) {
  const area = code ?? defaultArea(scope);
  if (scope.areaLevel !== 'village' || code !== undefined) requireAreaField(scope, 'area', area);
  const row = await read.areaByCode(db.kysely, area);
  if (!row) throw areaFieldError('area', area);
  return row;
}

export { currentAssessment };

/** Refresh the marked areas now (tests, and reads where no background refresher runs). */
export async function refresh(db: Database) {
  return refreshRollup(db);
}

/** The roll-up a read uses: the server it is read on (`reads`) and how current it is there. */
export interface RollupRead {
  reads: Kysely<DB>;
  status: RollupStatus;
}

/**
 * The roll-up as it stands where a background refresher keeps it, read where `db.reads` sends reads that may lag (a
 * replica): `asOf` is the start of its last complete refresh while anything is marked, else the moment the data
 * reflects (on a replica behind, its last replayed commit). Where no refresher runs, a read refreshes first; one
 * that so wrote reads its own writes, on the primary.
 */
export async function currentRollup(db: Database): Promise<RollupRead> {
  const wrote = refreshedInBackground(db) ? false : (await refresh(db)) !== null;
  const reads = wrote ? db.kysely : (await db.reads.source()).kysely;
  // The data's time before the marks: a change committed before it is either marked or in the roll-up.
  const at = await dataTime(reads);
  const [dirty, state] = await Promise.all([hasDirty(reads), rollupState(reads)]);
  const asOf = dirty ? state.asOf : at;
  return { reads, status: { asOf: asOf.toISOString(), refreshing: state.running ? { done: state.running.done, total: state.running.total } : null } };
}

const UNIT_LENGTH: Record<string, number> = { prefecture: 6, county: 9, township: 12 };

/** `programmes`: the catalogue (default the registry's; tests pass programmes the registry does not hold yet). */
export async function figures(db: Database, scope: Scope, input: PeriodInput, programmes: readonly StatsProgramme[] = statsProgrammes()): Promise<FiguresResult> {
  allow(scope, 'stats.read');
  const area = await resolveArea(db, scope, input.area);
  const period = resolvePeriod(input);
  const { reads, status: rollup } = await currentRollup(db);
  const unitLength = UNIT_LENGTH[levelOf(area.code)];
  if (unitLength === undefined) throw AppError.field('area', '统计区划应为州、县或乡镇');
  const rows = await read.unitMetrics(reads, scope, { area: area.code, unitLength, ...period });
  const children = await read.childAreas(reads, scope, area.code);
  const byUnit = new Map<string, read.UnitMetric[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unit);
    if (list) list.push(r);
    else byUnit.set(r.unit, [r]);
  }
  const means = await parameterMeans(db, reads, programmes, area.code, period);
  const total: SummedArea = { code: area.code, name: area.name, sums: sumsOf(rows) };
  const units: SummedArea[] = children.map((c) => ({ code: c.code, name: c.name, sums: sumsOf(byUnit.get(c.code) ?? []) }));
  const paths = await areaPaths(reads, [area.code]);
  return {
    area,
    areaPath: paths.get(area.code) ?? [area.name],
    period,
    total: unitFigures(rows),
    units: children.map((c) => ({ code: c.code, name: c.name, level: c.level, ...unitFigures(byUnit.get(c.code) ?? []) })),
    programmes: programmes.map((p) => programmeSection(p, total, units, means)),
    payroll: programmes.map((p) => payrollSection(p, total, units)),
    refreshedAt: rollup.asOf,
    rollup,
  };
}
