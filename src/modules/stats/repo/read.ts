// Reads of the roll-up: sums per unit (child area) and metric for a period and the same period a
// year earlier. Only stats_rollup is read here; the source tables are read by compute.ts and lists.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { monthIndex } from '../domain/metrics.ts';

export interface PeriodQuery {
  area: string;
  /** Length of the unit codes the rows are grouped by: 6 county, 9 township, 12 village. */
  unitLength: number;
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
  asOf: string;
}

export interface UnitMetric {
  unit: string;
  metric: string;
  /** Stock metrics: value at the end of the period / a year earlier. */
  stock: number;
  stock_prev: number;
  /** Stock metrics: the sum over the months of the period (person-months, fen-months). */
  months: number;
  months_prev: number;
  /** Flow metrics: the period's total / a year earlier. */
  flow: number;
  flow_prev: number;
  /** Due metrics: items due before `asOf`. */
  overdue: number;
  /** Snapshot metrics. */
  snapshot: number;
}

const pidx = sql`(substr(period, 1, 4)::int * 12 + substr(period, 6, 2)::int - 1)`;
const isMonth = sql`length(period) = 7`;

function monthsIn(from: string, to: string) {
  const f = monthIndex(from);
  const t = monthIndex(to);
  return sql`sum(case when ${isMonth} and period <= ${to} then value * greatest(0, ${t}::int - greatest(${pidx}, ${f}::int) + 1) else 0 end)`;
}

export async function unitMetrics(db: Kysely<DB>, scope: Scope, q: PeriodQuery): Promise<UnitMetric[]> {
  const { rows } = await sql<UnitMetric>`
    select left(area_code, ${q.unitLength}::int) as unit, metric,
      coalesce(sum(case when ${isMonth} and period <= ${q.to} then value end), 0)::bigint as stock,
      coalesce(sum(case when ${isMonth} and period <= ${q.prevTo} then value end), 0)::bigint as stock_prev,
      coalesce(${monthsIn(q.from, q.to)}, 0)::bigint as months,
      coalesce(${monthsIn(q.prevFrom, q.prevTo)}, 0)::bigint as months_prev,
      coalesce(sum(case when ${isMonth} and period between ${q.from} and ${q.to} then value end), 0)::bigint as flow,
      coalesce(sum(case when ${isMonth} and period between ${q.prevFrom} and ${q.prevTo} then value end), 0)::bigint as flow_prev,
      coalesce(sum(case when length(period) = 10 and period < ${q.asOf} then value end), 0)::bigint as overdue,
      coalesce(sum(case when period = '' then value end), 0)::bigint as snapshot
    from stats_rollup
    where ${inScope(scope, 'area_code')} and ${inArea(q.area, 'area_code')}
    group by 1, 2`.execute(db);
  return rows;
}

export interface AreaName {
  code: string;
  name: string;
  level: string;
}

export async function areaByCode(db: Kysely<DB>, code: string): Promise<AreaName | undefined> {
  return db.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}

/** The child areas of `code` the caller may see, in code order. */
export async function childAreas(db: Kysely<DB>, scope: Scope, code: string): Promise<AreaName[]> {
  return db.selectFrom('areas').select(['code', 'name', 'level']).where('parent_code', '=', code).where(inScope(scope, 'code')).orderBy('code').execute();
}

/** County-level units (counties and functional zones) under `code`, or the county of a lower area. */
export async function countyUnits(db: Kysely<DB>, code: string): Promise<AreaName[]> {
  return db.selectFrom('areas').select(['code', 'name', 'level']).where('level', '=', 'county').where(inArea(code.length > 6 ? code.slice(0, 6) : code, 'code')).orderBy('code').execute();
}
