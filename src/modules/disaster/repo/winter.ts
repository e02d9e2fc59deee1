// 冬春 needs-survey rows: insert one (unique per season and household), read a season's in the caller's scope.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';

export interface WinterRow {
  household_no: string;
  head_name: string | null;
  area_code: string;
  season: string;
  persons_first: number;
  persons_second: number;
  persons_third: number;
  surveyed_on: string;
  surveyed_by: string;
  note: string;
}

export async function surveyed(db: Kysely<DB>, countyCode: string, season: string, householdId: number): Promise<boolean> {
  const row = await db.selectFrom('disaster_winter_needs').select('id').where('county_code', '=', countyCode).where('season', '=', season).where('household_id', '=', householdId).executeTakeFirst();
  return row !== undefined;
}

function where(scope: Scope, season: string, area?: string) {
  const w = [sql<SqlBool>`w.season = ${season}`, inScope(scope, 'w.area_code')];
  if (area !== undefined) w.push(inArea(area, 'w.area_code'));
  return sql.join(w, sql` and `);
}

export const WINTER_LIST_LIMIT = 2000;

export async function listWinterNeeds(db: Kysely<DB>, scope: Scope, season: string, area?: string): Promise<WinterRow[]> {
  const { rows } = await sql<WinterRow>`select h.household_no, m.name as head_name, w.area_code, w.season, w.persons_first, w.persons_second, w.persons_third,
      w.surveyed_on, w.surveyed_by, w.note
    from disaster_winter_needs w
    join households h on h.county_code = w.county_code and h.id = w.household_id
    left join members m on m.county_code = w.county_code and m.household_id = w.household_id and m.relation = 'head'
    where ${where(scope, season, area)} order by w.area_code, h.household_no limit ${WINTER_LIST_LIMIT}`.execute(db);
  return rows;
}

export async function winterTotals(db: Kysely<DB>, scope: Scope, season: string, area?: string) {
  const { rows } = await sql<{ households: number; first: number; second: number; third: number }>`select count(*)::int as households,
      coalesce(sum(w.persons_first), 0)::int as first, coalesce(sum(w.persons_second), 0)::int as second, coalesce(sum(w.persons_third), 0)::int as third
    from disaster_winter_needs w where ${where(scope, season, area)}`.execute(db);
  const r = rows[0];
  return { households: Number(r?.households ?? 0), personsFirst: Number(r?.first ?? 0), personsSecond: Number(r?.second ?? 0), personsThird: Number(r?.third ?? 0) };
}

/** The households among `householdNos` in the caller's scope (one query). */
export async function householdsAmong(db: Kysely<DB>, scope: Scope, householdNos: readonly string[]) {
  if (householdNos.length === 0) return [];
  return db.selectFrom('households').select(['county_code', 'id', 'household_no', 'village_code'])
    .where('household_no', 'in', [...householdNos]).where(inScope(scope, 'village_code')).execute();
}

/** The household ids among `ids` already surveyed for the season. */
export async function surveyedAmong(db: Kysely<DB>, season: string, ids: readonly { county_code: string; id: number }[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ county_code: string; household_id: number }>`select w.county_code, w.household_id from disaster_winter_needs w
    where w.season = ${season} and (w.county_code, w.household_id) in (
      select * from unnest(${ids.map((i) => i.county_code)}::text[], ${ids.map((i) => Number(i.id))}::bigint[]))`.execute(db);
  return new Set(rows.map((r) => `${r.county_code}:${Number(r.household_id)}`));
}
