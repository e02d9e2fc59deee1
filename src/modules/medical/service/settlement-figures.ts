// Settlement figures (一站式结算情况): per unit under an area (the counties of a prefecture, the
// townships of a county, the villages of a township), the settled episodes (人次) and the assistance
// paid (救助 + 倾斜), by kind — outpatient, inpatient, critical illness (重特大, of either kind) — and total.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { prefixOf } from '../../../kernel/areas.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import type { FigureUnit, SettlementFigures } from '../contract/settlements.ts';
import * as repo from '../repo/settlements.ts';
import { allow } from '../permissions.ts';

type Cell = FigureUnit['total'];
const empty = (): Cell => ({ episodes: 0, assistanceFen: 0, tiltFen: 0, amountFen: 0 });
const add = (c: Cell, r: { episodes: number; assistance_fen: number; tilt_fen: number }) => {
  c.episodes += r.episodes;
  c.assistanceFen += r.assistance_fen;
  c.tiltFen += r.tilt_fen;
  c.amountFen += r.assistance_fen + r.tilt_fen;
};
const UNIT_LENGTH = { prefecture: 6, county: 9, township: 12 } as const;

export async function settlementFigures(db: Database, scope: Scope, q: { area: string; year: number }): Promise<SettlementFigures> {
  allow(scope, 'medical.read');
  const found = await repo.areaWithChildren(db.kysely, q.area);
  requireAreaField(scope, 'area', q.area, found !== null);
  if (!found) throw AppError.field('area', q.area);
  const { area, children } = found;
  if (area.level === 'village') throw AppError.field('area', '村（社区）没有下级单位，请选择乡镇或以上的区划');
  const unitLength = UNIT_LENGTH[area.level];
  const rows = await repo.settlementFigures(db.kysely, prefixOf(area.code), unitLength, q.year);
  const unit = (code: string, name: string): FigureUnit => ({ code, name, outpatient: empty(), inpatient: empty(), critical: empty(), total: empty() });
  const units = new Map(children.map((c) => [c.code, unit(c.code, c.name)]));
  const total = unit(area.code, area.name);
  for (const r of rows) {
    for (const u of [units.get(r.unit), total]) {
      if (!u) continue;
      add(u[r.kind], r);
      if (r.critical) add(u.critical, r);
      add(u.total, r);
    }
  }
  return { area: area.code, areaName: area.name, year: q.year, units: [...units.values()], total };
}
