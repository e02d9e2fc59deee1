// Dated parameters in the figures: a programme's `parameterMean` figures (e.g. 低保's average standards)
// are the plain mean over the county-level units of a unit (the 12 counties and the functional zone of
// the prefecture; a county's own value for the county and its townships), on the period's last day and
// on the same day a year earlier; null when a county has no value then.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { levelOf, prefixOf } from '../../../kernel/areas.ts';
import { ruleSetFor, type ParameterSet } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import type { Period } from '../contract.ts';
import type { StatsProgramme } from '../domain/catalogue.ts';
import * as read from '../repo/read.ts';

/** A parameter's value (a number) for an area and day, or null where it has none. */
export function parameterNumber(params: ParameterSet, name: string, area: string, date: string): number | null {
  try {
    const v = params.get(name, area, date, ruleSetFor(date, params)).value;
    return v === null ? null : Number(v);
  } catch {
    return null;
  }
}

export type ParameterMeans = (name: string, unit: string) => { now: number | null; prev: number | null };

const mean = (xs: readonly (number | null)[]) => {
  if (xs.length === 0) return null;
  let total = 0;
  for (const x of xs) {
    if (x === null) return null;
    total += x;
  }
  return Math.round(total / xs.length);
};

/** The county-level units a unit (or the area itself) takes its parameters from. */
function countiesOf(counties: readonly read.AreaName[], unit: string): readonly read.AreaName[] {
  const level = levelOf(unit);
  if (level === 'prefecture' || level === 'county') return counties.filter((c) => c.code.startsWith(prefixOf(unit)));
  return counties.filter((c) => c.code === unit.slice(0, 6));
}

/** `reads`: where the read of the areas goes (the parameters are the primary's, cached). */
export async function parameterMeans(db: Database, reads: Kysely<DB>, programmes: readonly StatsProgramme[], area: string, period: Period): Promise<ParameterMeans> {
  const names = [...new Set(programmes.flatMap((p) => p.figures.flatMap((f) => (f.rule.kind === 'parameterMean' ? [f.rule.parameter] : []))))];
  if (names.length === 0) return () => ({ now: null, prev: null });
  const params = await databaseParameterSet(db);
  const counties = await read.countyUnits(reads, area);
  const values = new Map(names.map((n) => [n, new Map(counties.map((c) => [c.code, {
    now: parameterNumber(params, n, c.code, period.date),
    prev: parameterNumber(params, n, c.code, period.prevDate),
  }]))]));
  return (name, unit) => {
    const of = countiesOf(counties, unit).map((c) => values.get(name)?.get(c.code) ?? { now: null, prev: null });
    return { now: mean(of.map((v) => v.now)), prev: mean(of.map((v) => v.prev)) };
  };
}
