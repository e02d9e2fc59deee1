// 救助管理站 figures of a year by county (the seed: "排查、甄别求助人员12000人（次），对自愿受助者实施救助7500
// 人（次）"): screenings = every record met in the year; assisted = those who did not refuse (自愿受助, sent to
// hospital, minors to the protection centre), with 自愿受助 alone beside it; minors; exits of the year home
// and by referral; the average stay (days from entry to exit) of the stays that ended in the year. Counties
// of the area the caller sees; a township user gets its own county.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { levelOf, prefixOf } from '../../../kernel/areas.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, covers, inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { figuresQuery } from '../contract/figures.ts';
import { allow } from '../permissions.ts';
import { countyFigures, type FigureRow } from '../repo/figures.ts';

const average = (days: number, stays: number) => (stays === 0 ? null : Math.round((days / stays) * 10) / 10);

function figuresOf(r: Omit<FigureRow, 'county_code' | 'county_name'>) {
  return {
    screenings: r.screenings, assisted: r.assisted, accepted: r.accepted, refused: r.refused, minors: r.minors, returnedHome: r.returned_home, referred: r.referred,
    averageStayDays: average(r.stay_days, r.stays),
  };
}

export async function stationFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'relief_station.read');
  const code = q.area ?? (scope.kind === 'staff' || scope.kind === 'partner' ? scope.areaCode.slice(0, 6) : '');
  if (code === '' || levelOf(code) === 'township' || levelOf(code) === 'village') throw AppError.field('area', '请指定县（市、区）或州（市）');
  // The area's own subtree, or an area above the caller's (whose figures then are of the caller's county only).
  const name = (await namesOf(db.kysely, [code])).get(code);
  if (name === undefined || !(covers(scope, code) || (scope.kind !== 'citizen' && scope.prefix.startsWith(prefixOf(code))))) throw areaFieldError('area', code);
  const rows = await countyFigures(db.kysely, visibleCounties(scope, 'r.county_code'), inArea(code, 'r.county_code'), q.year);
  const sum = (k: keyof Omit<FigureRow, 'county_code' | 'county_name'>) => rows.reduce((n, r) => n + r[k], 0);
  const total = { screenings: sum('screenings'), assisted: sum('assisted'), accepted: sum('accepted'), refused: sum('refused'), minors: sum('minors'), returned_home: sum('returned_home'), referred: sum('referred'), stays: sum('stays'), stay_days: sum('stay_days') };
  return {
    area: code, areaName: name, year: q.year,
    items: rows.map((r) => ({ countyCode: r.county_code, countyName: r.county_name, ...figuresOf(r) })),
    total: figuresOf(total),
  };
}
