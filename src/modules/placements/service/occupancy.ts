// Bed use (床位利用率) and 集中供养率. Per day: residents on the day ÷ beds. Over a period or a year:
// person-days ÷ bed-days (the average daily residents ÷ beds). 集中供养率 at a year's end: 特困 persons in
// institutional support ÷ all 特困 persons in support in December (from the entitlements), and its
// change from the previous year's end in percentage points. Counts only: county-wide for staff below the county.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { clock } from '../../../kernel/clock.ts';
import { prefixOf } from '../../../kernel/areas.ts';
import { covers, widened, type Scope } from '../../../kernel/scope.ts';
import { daysBetween } from '../../../policy/index.ts';
import type { figuresQuery, institutionsQuery, occupancyQuery } from '../contract/shapes.ts';
import { allow } from '../permissions.ts';
import * as inst from '../repo/institutions.ts';
import * as occ from '../repo/occupancy.ts';

/** A ratio as a per cent with two decimals. */
const percent = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 100 : null);
const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);

function requireArea(scope: Scope, area: string): void {
  // A township's staff read their county's figures (counts only); an area outside answers as missing.
  if (!covers(widened(scope, 'institutions'), area)) throw AppError.notFound('区划', area);
}

export async function institutionOccupancy(db: Database, scope: Scope, q: z.output<typeof occupancyQuery>) {
  allow(scope, 'placements.read');
  if (q.to < q.from) throw AppError.field('to', '结束日期早于开始日期');
  const days = daysBetween(q.from, q.to) + 1;
  if (days > 366) throw AppError.field('to', '期间最长366天');
  const home = await inst.visibleInstitution(db.kysely, scope, q.institution);
  if (!home) throw AppError.notFound('供养机构', String(q.institution));
  // Days after today have no residents yet: the period is cut at today, so the rate is of the days lived.
  const today = clock().today();
  const to = q.to > today ? today : q.to;
  const counted = to < q.from ? 0 : daysBetween(q.from, to) + 1;
  const daily = counted === 0 ? [] : await occ.dailyResidents(db.kysely, home.county_code, Number(home.id), q.from, to);
  const personDays = daily.reduce((s, d) => s + d.residents, 0);
  const bedDays = home.beds * counted;
  return {
    institution: { id: Number(home.id), countyCode: home.county_code, name: home.name, beds: home.beds },
    days: daily.map((d) => ({ day: d.day, residents: d.residents, beds: home.beds, rate: ratio(d.residents, home.beds) })),
    personDays, bedDays, averageResidents: counted === 0 ? 0 : Math.round((personDays / counted) * 100) / 100, rate: ratio(personDays, bedDays),
  };
}

export async function institutionsOccupancy(db: Database, scope: Scope, q: z.output<typeof institutionsQuery>) {
  allow(scope, 'placements.read');
  requireArea(scope, q.area);
  const asOf = q.asOf ?? clock().today();
  const homes = await inst.institutionsUnder(db.kysely, scope, q.area);
  const counts = await occ.residentsOn(db.kysely, prefixOf(q.area), asOf);
  return {
    asOf,
    items: homes.map((h) => {
      const c = counts.get(`${h.county_code}:${h.id}`) ?? { residents: 0, pending: 0 };
      return { id: Number(h.id), countyCode: h.county_code, name: h.name, beds: h.beds, residents: c.residents, pending: c.pending, rate: ratio(c.residents, h.beds) };
    }),
  };
}

export async function placementFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'placements.read');
  requireArea(scope, q.area);
  const prefix = prefixOf(q.area);
  const homes = await inst.institutionsUnder(db.kysely, scope, q.area);
  const counties = await occ.countiesUnder(db.kysely, prefix);
  return { area: q.area, year: q.year, ...(await yearFigures(db.kysely, homes, counties, prefix, q.year)) };
}

/**
 * The year's figures of the given homes by county (and in total, and the lowest county by bed use):
 * `placementFigures` passes the homes the caller sees, the institution figure part those of its counties.
 */
export async function yearFigures(db: Kysely<DB>, homes: readonly inst.InstitutionRow[], counties: readonly { code: string; name: string }[], prefix: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const yearDays = daysBetween(from, to) + 1;
  const [days, yearEnd, hardship, previous] = await Promise.all([
    occ.personDays(db, homes.map((h) => ({ countyCode: h.county_code, id: Number(h.id) })), from, to),
    occ.residentsOn(db, prefix, to),
    occ.hardshipPersons(db, prefix, `${year}-12`),
    occ.hardshipPersons(db, prefix, `${year - 1}-12`),
  ]);
  const rows = counties.map((c) => {
    const own = homes.filter((h) => h.county_code === c.code);
    const beds = own.reduce((s, h) => s + h.beds, 0);
    const personDays = own.reduce((s, h) => s + (days.get(`${h.county_code}:${h.id}`) ?? 0), 0);
    const residentsYearEnd = own.reduce((s, h) => s + (yearEnd.get(`${h.county_code}:${h.id}`)?.residents ?? 0), 0);
    const now = hardship.get(c.code) ?? { all: 0, institutional: 0 };
    const before = previous.get(c.code) ?? { all: 0, institutional: 0 };
    return figureRow({ institutions: own.length, beds, personDays, bedDays: beds * yearDays, residentsYearEnd, now, before }, { countyCode: c.code, countyName: c.name });
  });
  const sum = (k: 'institutions' | 'beds' | 'personDays' | 'bedDays' | 'residentsYearEnd' | 'hardshipPersons' | 'institutionalPersons') => rows.reduce((s, r) => s + r[k], 0);
  const prevAll = counties.reduce((s, c) => s + (previous.get(c.code)?.all ?? 0), 0);
  const prevInst = counties.reduce((s, c) => s + (previous.get(c.code)?.institutional ?? 0), 0);
  const total = figureRow({
    institutions: sum('institutions'), beds: sum('beds'), personDays: sum('personDays'), bedDays: sum('bedDays'), residentsYearEnd: sum('residentsYearEnd'),
    now: { all: sum('hardshipPersons'), institutional: sum('institutionalPersons') }, before: { all: prevAll, institutional: prevInst },
  }, {});
  const ranked = rows.filter((r) => r.bedUseRatePercent !== null).sort((a, b) => a.bedUseRatePercent! - b.bedUseRatePercent! || a.countyCode.localeCompare(b.countyCode));
  const lowest = ranked[0] ? { countyCode: ranked[0].countyCode, countyName: ranked[0].countyName, bedUseRatePercent: ranked[0].bedUseRatePercent! } : null;
  return { counties: rows, total, lowest };
}

function figureRow<K extends object>(f: { institutions: number; beds: number; personDays: number; bedDays: number; residentsYearEnd: number; now: { all: number; institutional: number }; before: { all: number; institutional: number } }, key: K) {
  const rate = percent(f.now.institutional, f.now.all);
  const prev = percent(f.before.institutional, f.before.all);
  return {
    ...key,
    institutions: f.institutions, beds: f.beds, residentsYearEnd: f.residentsYearEnd, personDays: f.personDays, bedDays: f.bedDays,
    bedUseRatePercent: percent(f.personDays, f.bedDays),
    hardshipPersons: f.now.all, institutionalPersons: f.now.institutional,
    institutionalRatePercent: rate, previousInstitutionalRatePercent: prev,
    institutionalRateChangePoints: rate === null || prev === null ? null : Math.round((rate - prev) * 100) / 100,
  };
}
