// The SQL of budgets, transfers and plans, with the names of their counties; sums for the execution.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { FundSource } from '../codes.ts';

export interface BudgetRow {
  id: number; county_code: string; county_name: string; year: number; programme: string; source: FundSource; earmark: string; amount_fen: number; document: string; recorded_by: string;
}
export async function budgetsIn(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number): Promise<BudgetRow[]> {
  const { rows } = await sql<BudgetRow>`
    select b.id::int as id, b.county_code, a.name as county_name, b.year, b.programme, b.source, b.earmark, b.amount_fen::bigint as amount_fen, b.document, b.recorded_by
    from fund_budgets b join areas a on a.code = b.county_code
    where ${visible} and ${area} and b.year = ${year}
    order by b.county_code, b.programme, b.source, b.earmark limit 2000`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

export interface TransferRow {
  id: number; county_code: string; county_name: string; received_on: string; programme: string; source: FundSource; earmark: string; amount_fen: number; document: string; recorded_by: string;
}
export async function transfersIn(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, from: string, to: string): Promise<TransferRow[]> {
  const { rows } = await sql<TransferRow>`
    select t.id::int as id, t.county_code, a.name as county_name, to_char(t.received_on, 'YYYY-MM-DD') as received_on, t.programme, t.source, t.earmark,
      t.amount_fen::bigint as amount_fen, t.document, t.recorded_by
    from fund_transfers t join areas a on a.code = t.county_code
    where ${visible} and ${area} and t.received_on between ${from}::date and ${to}::date
    order by t.county_code, t.received_on, t.id limit 2000`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

export interface PlanRow {
  id: number; county_code: string; county_name: string; programme: string; document: string; start_year: number; recorded_by: string;
  targets: { year: number; persons: number }[];
}
const PLAN = sql`
  select p.id::int as id, p.county_code, a.name as county_name, p.programme, p.document, p.start_year, p.recorded_by,
    coalesce((select json_agg(json_build_object('year', t.year, 'persons', t.persons) order by t.year) from reduction_plan_targets t
      where t.county_code = p.county_code and t.plan_id = p.id), '[]'::json) as targets
  from reduction_plans p join areas a on a.code = p.county_code`;

export async function plansIn(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>): Promise<PlanRow[]> {
  const { rows } = await sql<PlanRow>`${PLAN} where ${visible} and ${area} order by p.county_code, p.programme, p.start_year limit 2000`.execute(db);
  return rows;
}

export async function planById(db: Kysely<DB>, county: string, id: number): Promise<PlanRow | undefined> {
  const { rows } = await sql<PlanRow>`${PLAN} where p.county_code = ${county} and p.id = ${id}`.execute(db);
  return rows[0];
}

/** Plans of a county and programme covering any of the years from..to. */
export async function overlapping(db: Kysely<DB>, county: string, programme: string, from: number, to: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from reduction_plans p
    where p.county_code = ${county} and p.programme = ${programme}
      and exists (select 1 from reduction_plan_targets t where t.county_code = p.county_code and t.plan_id = p.id and t.year between ${from} and ${to})`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The plan year of each county given (a plan covering the year): the year's target and the plan's whole. */
export async function planYears(db: Kysely<DB>, counties: readonly string[], programme: string, year: number) {
  if (counties.length === 0) return [];
  const { rows } = await sql<{ county_code: string; document: string; start_year: number; persons: number; years: number; total: number }>`
    select p.county_code, p.document, p.start_year, t.persons,
      (select count(*)::int from reduction_plan_targets x where x.county_code = p.county_code and x.plan_id = p.id) as years,
      (select coalesce(sum(x.persons), 0)::int from reduction_plan_targets x where x.county_code = p.county_code and x.plan_id = p.id) as total
    from reduction_plans p join reduction_plan_targets t on t.county_code = p.county_code and t.plan_id = p.id
    where p.county_code in (${sql.join(counties)}) and p.programme = ${programme} and t.year = ${year}`.execute(db);
  return rows;
}
