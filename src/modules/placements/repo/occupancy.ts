// Occupancy as SQL over the stays: a resident counts on a day when admitted on or before it and not yet
// discharged (the day of discharge, transfer or death is not counted: a midnight census). Bed-days are
// the institution's current beds × days (bed counts have no history yet). 集中供养率 reads the 特困
// entitlements of the cases module (`entitlement_segments`, programme 'hardship', in force in the
// year's December with an amount, `summary.institutional` = 1 for institutional support).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

const stayOn = (day: ReturnType<typeof sql>) => sql`p.admitted_on is not null and p.admitted_on <= ${day} and (p.discharged_on is null or p.discharged_on > ${day})`;

/** Residents of one institution on each day from `from` to `to`. */
export async function dailyResidents(db: Kysely<DB>, countyCode: string, institutionId: number, from: string, to: string): Promise<{ day: string; residents: number }[]> {
  const r = await sql<{ day: string; residents: number }>`
    select to_char(d.day, 'YYYY-MM-DD') as day, count(p.id)::int as residents
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)
    left join institution_placements p on p.county_code = ${countyCode} and p.institution_id = ${institutionId} and ${stayOn(sql`d.day::date`)}
    group by d.day order by d.day`.execute(db);
  return r.rows;
}

/** Person-days of institutions from `from` to `to` (inclusive), by institution. */
export async function personDays(db: Kysely<DB>, ids: { countyCode: string; id: number }[], from: string, to: string): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const keys = ids.map((i) => `${i.countyCode}:${i.id}`);
  const r = await sql<{ key: string; days: number }>`
    select p.county_code || ':' || p.institution_id as key,
      sum(greatest(0, least(coalesce(p.discharged_on, ${to}::date + 1), ${to}::date + 1) - greatest(p.admitted_on, ${from}::date)))::int as days
    from institution_placements p
    where p.admitted_on is not null and p.admitted_on <= ${to}::date and (p.discharged_on is null or p.discharged_on > ${from}::date)
      and (p.county_code || ':' || p.institution_id) in (${sql.join(keys)})
    group by 1`.execute(db);
  return new Map(r.rows.map((x) => [x.key, Number(x.days)]));
}

/** Residents and pending placements of institutions on a day, by institution. */
export async function residentsOn(db: Kysely<DB>, countyPrefix: string, day: string): Promise<Map<string, { residents: number; pending: number }>> {
  const r = await sql<{ key: string; residents: number; pending: number }>`
    select p.county_code || ':' || p.institution_id as key,
      count(*) filter (where ${stayOn(sql`${day}::date`)})::int as residents,
      count(*) filter (where p.status = 'pending')::int as pending
    from institution_placements p
    where starts_with(p.county_code, ${countyPrefix})
    group by 1`.execute(db);
  return new Map(r.rows.map((x) => [x.key, { residents: x.residents, pending: x.pending }]));
}

/** 特困 persons in support in a month, and those in institutional support, by county under the prefix. */
export async function hardshipPersons(db: Kysely<DB>, countyPrefix: string, month: string): Promise<Map<string, { all: number; institutional: number }>> {
  const r = await sql<{ county_code: string; total: number; institutional: number }>`
    select county_code, coalesce(sum(persons), 0)::int as total,
      coalesce(sum(persons) filter (where coalesce((summary->>'institutional')::int, 0) = 1), 0)::int as institutional
    from entitlement_segments
    where programme = 'hardship' and schedule = 'monthly' and amount_fen > 0 and starts_with(county_code, ${countyPrefix})
      and from_month <= ${month} and (until_month is null or until_month >= ${month})
    group by county_code`.execute(db);
  return new Map(r.rows.map((x) => [x.county_code, { all: x.total, institutional: x.institutional }]));
}

/** The counties under the prefix (an area code's prefix). */
export async function countiesUnder(db: Kysely<DB>, countyPrefix: string): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('areas').select(['code', 'name']).where('level', '=', 'county').where(sql<boolean>`starts_with(code, ${countyPrefix})`).orderBy('code').execute();
}
