// The SQL of premium-subsidy lists: finding, listing, creating and moving their status.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { MedicalSubsidyListTable, SubsidyListStatus } from '../tables.ts';

export type ListRow = Selectable<MedicalSubsidyListTable> & { county_name: string };

const columns = [
  'l.county_code', 'l.id', 'l.list_no', 'l.year', 'l.as_of', 'l.status', 'l.persons', 'l.amount_fen', 'l.enrolled', 'l.refused',
  'l.created_by', 'l.created_on', 'l.reviewed_by', 'l.reviewed_on', 'l.approved_by', 'l.approved_on', 'l.exported_on', 'l.result_imported_on', 'l.note',
] as const;

const base = (db: Kysely<DB>) => db.selectFrom('medical_subsidy_lists as l').innerJoin('areas as a', 'a.code', 'l.county_code')
  .select([...columns, 'a.name as county_name']);

const normal = (r: ListRow): ListRow => ({ ...r, id: Number(r.id), amount_fen: Number(r.amount_fen) });

export async function byNo(db: Kysely<DB>, listNo: string, lock = false): Promise<ListRow | undefined> {
  let q = base(db).where('l.list_no', '=', listNo);
  if (lock) q = q.forUpdate('l');
  const r = await q.executeTakeFirst();
  return r && normal(r);
}

/** The lists of the counties a scope sees (`visibleCounties`), optionally of an area and a year, newest first, keyset on id. */
export async function lists(db: Kysely<DB>, visibleCounties: Expression<SqlBool>, f: { area?: string | undefined; year?: number | undefined; limit: number; after?: number | undefined }) {
  let q = base(db).where(visibleCounties);
  // a township or village area: the lists of its county
  if (f.area) q = f.area.length > 6 ? q.where('l.county_code', '=', f.area.slice(0, 6)) : q.where(inArea(f.area, 'l.county_code'));
  if (f.year !== undefined) q = q.where('l.year', '=', f.year);
  if (f.after !== undefined) q = q.where('l.id', '<', f.after);
  return (await q.orderBy('l.id', 'desc').limit(f.limit).execute()).map(normal);
}

export async function activeOf(db: Kysely<DB>, county: string, year: number) {
  return db.selectFrom('medical_subsidy_lists').select(['list_no', 'status']).where('county_code', '=', county).where('year', '=', year).where('status', '<>', 'void').executeTakeFirst();
}

export async function insertList(tx: Kysely<DB>, v: { county: string; listNo: string; year: number; asOf: string; createdBy: string; createdOn: string }): Promise<number> {
  const r = await tx.insertInto('medical_subsidy_lists')
    .values({ county_code: v.county, list_no: v.listNo, year: v.year, as_of: v.asOf, created_by: v.createdBy, created_on: v.createdOn })
    .returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Moves a list from one of `from` to `to` with the columns given; undefined when its status was not in `from`. */
export async function moveStatus(tx: Kysely<DB>, l: ListRow, from: readonly SubsidyListStatus[], to: SubsidyListStatus, set: Partial<Record<'reviewed_by' | 'reviewed_on' | 'approved_by' | 'approved_on' | 'exported_on', string>> = {}) {
  return tx.updateTable('medical_subsidy_lists').set({ status: to, ...set })
    .where('county_code', '=', l.county_code).where('id', '=', l.id).where('status', 'in', from)
    .returning(['status']).executeTakeFirst();
}

/** Draft → reviewed, with the totals recomputed over the entries not excluded. */
export async function review(tx: Kysely<DB>, l: ListRow, by: string, on: string) {
  const { rows } = await sql<{ persons: number; amount_fen: string }>`
    update medical_subsidy_lists l set status = 'reviewed', reviewed_by = ${by}, reviewed_on = ${on}, persons = t.persons, amount_fen = t.amount
    from (select count(*)::int as persons, coalesce(sum(subsidy_fen), 0)::bigint as amount from medical_subsidy_entries
          where county_code = ${l.county_code} and list_id = ${l.id} and not excluded) t
    where l.county_code = ${l.county_code} and l.id = ${l.id} and l.status = 'draft'
    returning l.persons, l.amount_fen`.execute(tx);
  const r = rows[0];
  return r && { persons: r.persons, amountFen: Number(r.amount_fen) };
}
