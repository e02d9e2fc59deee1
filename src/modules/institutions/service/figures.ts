// 供养机构 figures for an area and year, by county (the counties of a prefecture, or one county): how
// many institutions of each kind, nursing homes and their 事业单位法人登记 rate (registered ÷ nursing
// homes, e.g. 32 ÷ 43 = 74%), posts and staff, beds and care beds, ratings of the year by stars (五星级
// 4个…), projects completed in the year by funding source; then what the registered parts add.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requireAreaField, widened, type Scope } from '../../../kernel/scope.ts';
import { FUNDING_SOURCES, INSTITUTION_KINDS, type FundingSource, type InstitutionKind } from '../codes.ts';
import type { figuresQuery } from '../contract/figures.ts';
import { allow } from '../permissions.ts';
import { completedByCounty, registerByCounty, starsByCounty } from '../repo/figures.ts';
import { figureParts, type FigureValues } from './figure-parts.ts';

export interface Figures {
  institutions: number;
  byKind: Record<InstitutionKind, number>;
  nursingHomes: number;
  registered: number;
  registrationRate: number | null;
  /** Posts, staff (all kinds) and beds of the nursing homes alone (the report's 敬老院 sentence). */
  nursingHomePosts: number;
  nursingHomeStaff: number;
  nursingHomeBeds: number;
  posts: number;
  staff: { management: number; care: number; medical: number; total: number };
  beds: number;
  careBeds: number;
  stars: Record<string, number>;
  completedProjects: Record<FundingSource, number>;
  completedAmountFen: Record<FundingSource, number>;
  extra: FigureValues;
}

function empty(): Figures {
  const zeroKinds = Object.fromEntries(INSTITUTION_KINDS.map((k) => [k, 0])) as Record<InstitutionKind, number>;
  const zeroFunds = () => Object.fromEntries(FUNDING_SOURCES.map((k) => [k, 0])) as Record<FundingSource, number>;
  return {
    institutions: 0, byKind: zeroKinds, nursingHomes: 0, registered: 0, registrationRate: null, nursingHomePosts: 0, nursingHomeStaff: 0, nursingHomeBeds: 0, posts: 0, staff: { management: 0, care: 0, medical: 0, total: 0 },
    beds: 0, careBeds: 0, stars: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, completedProjects: zeroFunds(), completedAmountFen: zeroFunds(), extra: {},
  };
}

/** The counties the figures are given for: the county itself, or the prefecture's county-level areas. */
async function countiesOf(db: Database, scope: Scope, area: string): Promise<{ name: string; counties: { code: string; name: string }[] }> {
  const a = await db.kysely.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', area).executeTakeFirst();
  requireAreaField(widened(scope, 'institutions'), 'area', area, a !== undefined);
  if (!a || (a.level !== 'county' && a.level !== 'prefecture')) throw AppError.field('area', '统计区划应为州（市）或县（市、区）');
  if (a.level === 'county') return { name: a.name, counties: [{ code: a.code, name: a.name }] };
  const rows = await db.kysely.selectFrom('areas').select(['code', 'name']).where('parent_code', '=', a.code).where('level', '=', 'county').orderBy('code').execute();
  return { name: a.name, counties: rows };
}

export async function institutionFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'institutions.read');
  const area = q.area ?? (scope.kind === 'system' ? '' : scope.prefix.length > 6 ? scope.prefix.slice(0, 6) : scope.areaCode);
  if (area === '') throw AppError.field('area', '请指定统计区划');
  const { name, counties } = await countiesOf(db, scope, area);
  const codes = counties.map((c) => c.code);
  const [register, stars, completed] = await Promise.all([registerByCounty(db.kysely, codes, q.year), starsByCounty(db.kysely, codes, q.year), completedByCounty(db.kysely, codes, q.year)]);
  const by = new Map(codes.map((c) => [c, empty()]));
  const total = empty();
  for (const r of register) {
    for (const f of [by.get(r.county_code)!, total]) {
      f.institutions += r.institutions;
      f.byKind[r.kind as InstitutionKind] += r.institutions;
      if (r.kind === 'nursing_home') {
        f.nursingHomes += r.institutions;
        f.registered += r.registered;
        f.nursingHomePosts += r.posts;
        f.nursingHomeStaff += r.staff_management + r.staff_care + r.staff_medical;
        f.nursingHomeBeds += r.beds;
      }
      f.posts += r.posts;
      f.staff.management += r.staff_management;
      f.staff.care += r.staff_care;
      f.staff.medical += r.staff_medical;
      f.staff.total += r.staff_management + r.staff_care + r.staff_medical;
      f.beds += r.beds;
      f.careBeds += r.care_beds;
    }
  }
  for (const s of stars) for (const f of [by.get(s.county_code)!, total]) f.stars[String(s.stars)] = (f.stars[String(s.stars)] ?? 0) + s.n;
  for (const p of completed) {
    for (const f of [by.get(p.county_code)!, total]) {
      f.completedProjects[p.funding_source as FundingSource] += p.n;
      f.completedAmountFen[p.funding_source as FundingSource] += p.amount_fen;
    }
  }
  for (const f of [...by.values(), total]) f.registrationRate = f.nursingHomes === 0 ? null : f.registered / f.nursingHomes;
  for (const part of figureParts()) {
    const got = await part.compute(db.kysely, codes, q.year);
    for (const [county, values] of got.byCounty) {
      const f = by.get(county);
      if (f) Object.assign(f.extra, values);
    }
    Object.assign(total.extra, got.total);
  }
  return { area, areaName: name, year: q.year, rows: counties.map((c) => ({ countyCode: c.code, countyName: c.name, ...by.get(c.code)! })), total };
}
