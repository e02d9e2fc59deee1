// Yearly figures by county (the seed: "政府领导、民政牵头、部门配合、基层落实、社会参与"): contracts in force at
// some time of the year and their amount, tasks by kind (assigned in the year, performed in the year and
// confirmed, overdue today), 协理员 in post on 31 December. Counties of the area the caller sees; a township
// or village user gets its county.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { levelOf, prefixOf } from '../../../kernel/areas.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, covers, inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { TASK_KINDS } from '../codes.ts';
import type { figuresQuery } from '../contract/figures.ts';
import { TASK_KIND_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { countyFigures, kindFigures, type KindRow } from '../repo/figures.ts';

type Counts = Omit<KindRow, 'county_code' | 'kind'>;
const zero = (): Counts => ({ assigned: 0, done: 0, confirmed: 0, overdue: 0 });

function row(contracts: number, amountFen: number, assistants: number, kinds: KindRow[]) {
  const byKind = TASK_KINDS.map((kind) => {
    const c = kinds.filter((k) => k.kind === kind).reduce((s, k) => ({ assigned: s.assigned + k.assigned, done: s.done + k.done, confirmed: s.confirmed + k.confirmed, overdue: s.overdue + k.overdue }), zero());
    return { kind, kindLabel: TASK_KIND_LABELS[kind], ...c };
  });
  const sum = (k: keyof Counts) => byKind.reduce((n, r) => n + r[k], 0);
  return { contracts, amountFen, tasksAssigned: sum('assigned'), tasksDone: sum('done'), tasksConfirmed: sum('confirmed'), tasksOverdue: sum('overdue'), byKind, assistants };
}

export async function purchaseFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'purchased_services.read');
  const code = q.area ?? (scope.kind === 'staff' || scope.kind === 'partner' ? scope.areaCode.slice(0, 6) : '');
  if (code === '' || levelOf(code) === 'township' || levelOf(code) === 'village') throw AppError.field('area', '请指定县（市、区）或州（市）');
  const name = (await namesOf(db.kysely, [code])).get(code);
  if (name === undefined || !(covers(scope, code) || (scope.kind !== 'citizen' && scope.prefix.startsWith(prefixOf(code))))) throw areaFieldError('area', code);
  const [counties, kinds] = await Promise.all([
    countyFigures(db.kysely, visibleCounties(scope, 'c.county_code'), inArea(code, 'c.county_code'), q.year),
    kindFigures(db.kysely, visibleCounties(scope, 't.county_code'), inArea(code, 't.county_code'), q.year, todayInChina()),
  ]);
  const items = counties.map((c) => ({ countyCode: c.county_code, countyName: c.county_name, ...row(c.contracts, c.amount_fen, c.assistants, kinds.filter((k) => k.county_code === c.county_code)) }));
  const total = row(counties.reduce((n, c) => n + c.contracts, 0), counties.reduce((n, c) => n + c.amount_fen, 0), counties.reduce((n, c) => n + c.assistants, 0),
    kinds.filter((k) => counties.some((c) => c.county_code === k.county_code)));
  return { area: code, areaName: name, year: q.year, items, total };
}
