// The figures of a year by county, set-based: contracts in force in the year and their amount, 协理员 in
// post on 31 December, and the tasks by kind (assigned in the year, performed in the year and confirmed,
// overdue today).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { TaskKind } from '../codes.ts';

export interface CountyRow { county_code: string; county_name: string; contracts: number; amount_fen: number; assistants: number }
export interface KindRow { county_code: string; kind: TaskKind; assigned: number; done: number; confirmed: number; overdue: number }

/** Counties of the area with any contract or assistant. `visible` and `area` are filters on `c.county_code`; a contract ended or terminated before its period began never was in force. */
export async function countyFigures(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number): Promise<CountyRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<CountyRow>`
    with k as (select county_code from purchase_contracts union select county_code from assistance_assistants),
    c as (select a.code as county_code, a.name as county_name from k join areas a on a.code = k.county_code)
    select c.county_code, c.county_name, f.contracts, f.amount_fen,
      (select count(*)::int from assistance_assistants s where s.county_code = c.county_code and s.employed_from <= ${to} and (s.employed_to is null or s.employed_to >= ${to})) as assistants
    from c cross join lateral (
      select count(*)::int as contracts, coalesce(sum(p.amount_fen), 0)::bigint as amount_fen from purchase_contracts p
      where p.county_code = c.county_code and p.period_from <= ${to} and least(p.period_to, coalesce(p.closed_on, p.period_to)) >= greatest(p.period_from, ${from}::date)
    ) f
    where ${visible} and ${area} order by c.county_code`.execute(db);
  return rows;
}

/** Tasks by county and kind; `visible` and `area` are filters on `t.county_code`. */
export async function kindFigures(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number, today: string): Promise<KindRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<KindRow>`
    select t.county_code, t.kind,
      count(*) filter (where t.assigned_on between ${from} and ${to} and t.status <> 'cancelled')::int as assigned,
      count(*) filter (where t.done_on between ${from} and ${to})::int as done,
      count(*) filter (where t.done_on between ${from} and ${to} and t.confirmed_on is not null)::int as confirmed,
      count(*) filter (where t.status = 'assigned' and t.due_on < ${today})::int as overdue
    from purchase_tasks t where ${visible} and ${area}
    group by t.county_code, t.kind order by t.county_code, t.kind`.execute(db);
  return rows;
}
