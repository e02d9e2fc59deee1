// The SQL of 农房保险 figures of a year: insured households, claims, claims paid and the amount paid, and
// claims refused, by child area (grouped on a prefix of the village code), and claims by event.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface FigureRow { code: string; insured: number; claims: number; paid_claims: number; paid_fen: number; refused_claims: number }

export async function figures(db: Kysely<DB>, area: (col: string) => Expression<SqlBool>, visible: (col: string) => Expression<SqlBool>, childLength: number, year: number): Promise<FigureRow[]> {
  const { rows } = await sql<FigureRow>`
    with i as (
      select left(i.area_code, ${childLength}) as code, count(*)::int as insured
      from housing_insurance_insured i join housing_insurance_policies p on p.county_code = i.county_code and p.id = i.policy_id
      where p.year = ${year} and ${area('i.area_code')} and ${visible('i.area_code')} group by 1),
    c as (
      select left(c.area_code, ${childLength}) as code, count(*)::int as claims,
        (count(*) filter (where c.status = 'paid'))::int as paid_claims, coalesce(sum(c.paid_fen) filter (where c.status = 'paid'), 0)::bigint as paid_fen,
        (count(*) filter (where c.status = 'refused'))::int as refused_claims
      from housing_insurance_claims c join housing_insurance_policies p on p.county_code = c.county_code and p.id = c.policy_id
      where p.year = ${year} and ${area('c.area_code')} and ${visible('c.area_code')} group by 1)
    select coalesce(i.code, c.code) as code, coalesce(i.insured, 0) as insured, coalesce(c.claims, 0) as claims, coalesce(c.paid_claims, 0) as paid_claims,
      coalesce(c.paid_fen, 0) as paid_fen, coalesce(c.refused_claims, 0) as refused_claims
    from i full join c on c.code = i.code order by 1`.execute(db);
  return rows.map((r) => ({ ...r, paid_fen: Number(r.paid_fen) }));
}

export async function byEvent(db: Kysely<DB>, area: Expression<SqlBool>, visible: Expression<SqlBool>, year: number) {
  const { rows } = await sql<{ event_no: string; event_name: string; claims: number; paid_claims: number; paid_fen: number }>`
    select e.event_no, e.name as event_name, count(*)::int as claims, (count(*) filter (where c.status = 'paid'))::int as paid_claims,
      coalesce(sum(c.paid_fen) filter (where c.status = 'paid'), 0)::bigint as paid_fen
    from housing_insurance_claims c join housing_insurance_policies p on p.county_code = c.county_code and p.id = c.policy_id
    join disaster_events e on e.county_code = c.county_code and e.id = c.event_id
    where p.year = ${year} and ${area} and ${visible}
    group by e.event_no, e.name order by e.event_no`.execute(db);
  return rows.map((r) => ({ ...r, paid_fen: Number(r.paid_fen) }));
}

export async function childAreas(db: Kysely<DB>, parent: string) {
  return db.selectFrom('areas').select(['code', 'name']).where('parent_code', '=', parent).orderBy('code').execute();
}

export interface EventFigureRow { claims: number; reported: number; assessed: number; paid: number; refused: number; payable_fen: string; paid_fen: string }

/** The claims of one event (any policy year) by status, with the payable amount of live assessed or paid ones and the amount paid. */
export async function eventClaims(db: Kysely<DB>, county: string, eventId: number, visible: Expression<SqlBool>): Promise<EventFigureRow> {
  const { rows } = await sql<EventFigureRow>`
    select count(*)::int as claims, (count(*) filter (where c.status = 'reported'))::int as reported, (count(*) filter (where c.status = 'assessed'))::int as assessed,
      (count(*) filter (where c.status = 'paid'))::int as paid, (count(*) filter (where c.status = 'refused'))::int as refused,
      coalesce(sum(c.payable_fen) filter (where c.status in ('assessed', 'paid')), 0)::text as payable_fen,
      coalesce(sum(c.paid_fen) filter (where c.status = 'paid'), 0)::text as paid_fen
    from housing_insurance_claims c where c.county_code = ${county} and c.event_id = ${eventId} and ${visible}`.execute(db);
  return rows[0]!;
}
