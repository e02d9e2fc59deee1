// 留守 figures of a year by county (the seed: "留守儿童7.6万人、留守老人4.3万人、留守妇女2万人"): persons in
// the year's survey by kind (a person counts once per kind) and those with a care plan, visits and warning
// follow-ups made in the year, and the warnings open today. Persons of the area the caller sees (a village clerk: the village), grouped by the person's county.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { figuresQuery } from '../contract/records.ts';
import { allow } from '../permissions.ts';
import { countyCounts } from '../repo/records.ts';
import { personsWhere } from './access.ts';
import { checkedArea } from './read.ts';
import { warningsWhere } from './warnings.ts';

const ZERO = { children: 0, elders: 0, women: 0, persons: 0, withCarePlan: 0, visits: 0, followUps: 0, openWarnings: 0 };
type Row = typeof ZERO;

export async function leftBehindFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'left_behind.read');
  const code = (await checkedArea(db, scope, q.area ?? (scope.kind === 'citizen' ? undefined : scope.areaCode))) ?? '';
  const where = personsWhere(scope, code === '' ? undefined : code);
  const [{ persons, visits, followUps }, warned] = await Promise.all([countyCounts(db.kysely, where, q.year), warningsWhere(db, db.kysely, where)]);
  const by = new Map<string, Row>();
  const row = (c: string) => by.get(c) ?? (by.set(c, { ...ZERO }), by.get(c)!);
  for (const p of persons) Object.assign(row(p.county_code), { children: p.children, elders: p.elders, women: p.women, persons: p.persons, withCarePlan: p.with_plans });
  for (const v of visits) row(v.county_code).visits = v.visits;
  for (const f of followUps) row(f.county_code).followUps = f.follow_ups;
  for (const w of warned) {
    const open = w.warnings.filter((x) => x.open).length;
    if (open > 0) row(w.survey.county_code).openWarnings += open;
  }
  const counties = [...by.keys()].sort();
  const names = await namesOf(db.kysely, [...counties, ...(code === '' ? [] : [code])]);
  const total = { ...ZERO };
  for (const r of by.values()) for (const k of Object.keys(ZERO) as (keyof Row)[]) total[k] += r[k];
  return {
    area: code, areaName: names.get(code) ?? '', year: q.year,
    items: counties.map((c) => ({ countyCode: c, countyName: names.get(c) ?? c, ...by.get(c)! })),
    total,
  };
}
