// Premium-subsidy figures of a year for an area, by its children (counties of a prefecture, townships of
// a county, villages of a township): lists, persons subsidised (entries not excluded of approved or
// exported lists), amount and the insurer's results. Only what lies in the caller's scope counts.
import type { Database } from '../../../db/engine.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { childAreas, figures } from '../repo/subsidy-figures.ts';

const CHILD_LENGTH = { prefecture: 6, county: 9, township: 12 } as const;

export async function subsidyFigures(db: Database, scope: Scope, q: { area: string; year: number }) {
  allow(scope, 'medical.lists');
  const level = levelOf(q.area);
  const found = covers(scope, q.area) ? await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', '=', q.area).executeTakeFirst() : undefined;
  if (!found || level === 'village') throw AppError.notFound('区划', q.area);
  const [children, f] = await Promise.all([
    childAreas(db.kysely, q.area),
    figures(db.kysely, inArea(q.area, 'e.area_code'), inScope(scope, 'e.area_code'), CHILD_LENGTH[level], q.year),
  ]);
  const byCode = new Map(f.rows.map((r) => [r.code, r]));
  const figure = (r: { lists: number; persons: number; amount_fen: number; enrolled: number; refused: number } | undefined) =>
    ({ lists: r?.lists ?? 0, persons: r?.persons ?? 0, amountFen: r?.amount_fen ?? 0, enrolled: r?.enrolled ?? 0, refused: r?.refused ?? 0 });
  return {
    area: found.code, areaName: found.name, year: q.year,
    items: children.filter((c) => covers(scope, c.code)).map((c) => ({ areaCode: c.code, areaName: c.name, ...figure(byCode.get(c.code)) })),
    total: figure(f.total),
  };
}
