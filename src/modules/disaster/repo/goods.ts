// 救灾物资发放 rows: append one, read an event's issues in the caller's scope (append-only table).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { GoodsItemCode } from '../codes.ts';
import type { EventKey } from './reports.ts';

export interface GoodsRow {
  household_no: string;
  head_name: string | null;
  area_code: string;
  item: GoodsItemCode;
  quantity: number;
  issued_on: string;
  issued_by: string;
  note: string;
}

export interface GoodsFilter {
  area?: string;
  householdNo?: string;
}

function goodsWhere(scope: Scope, event: EventKey, f: GoodsFilter) {
  const where = [sql<SqlBool>`g.county_code = ${event.county_code}`, sql<SqlBool>`g.event_id = ${event.id}`, inScope(scope, 'g.area_code')];
  if (f.area !== undefined) where.push(inArea(f.area, 'g.area_code'));
  if (f.householdNo !== undefined) where.push(sql<SqlBool>`h.household_no = ${f.householdNo}`);
  return sql.join(where, sql` and `);
}

const FROM = sql`disaster_goods_issues g join households h on h.county_code = g.county_code and h.id = g.household_id`;

/** The latest issues first (the list shows at most `LIMIT`; totals count them all). */
export const GOODS_LIST_LIMIT = 2000;

export async function listGoods(db: Kysely<DB>, scope: Scope, event: EventKey, f: GoodsFilter): Promise<GoodsRow[]> {
  const { rows } = await sql<GoodsRow>`select h.household_no, m.name as head_name, g.area_code, g.item, g.quantity, g.issued_on, g.issued_by, g.note
    from ${FROM} left join members m on m.county_code = g.county_code and m.household_id = g.household_id and m.relation = 'head'
    where ${goodsWhere(scope, event, f)} order by g.issued_on desc, g.id desc limit ${GOODS_LIST_LIMIT}`.execute(db);
  return rows;
}

/** Quantity and households per item over every issue the filter selects. */
export async function goodsTotals(db: Kysely<DB>, scope: Scope, event: EventKey, f: GoodsFilter): Promise<{ item: GoodsItemCode; quantity: string; households: number }[]> {
  const { rows } = await sql<{ item: GoodsItemCode; quantity: string; households: number }>`select g.item, sum(g.quantity)::text as quantity, count(distinct g.household_id)::int as households
    from ${FROM} where ${goodsWhere(scope, event, f)} group by g.item`.execute(db);
  return rows;
}
