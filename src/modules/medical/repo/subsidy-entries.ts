// The SQL of premium-subsidy entries: generation (one INSERT … SELECT from the recipients with the
// amounts of their group, totals written by the same statement), paging for review, exclusion, the
// insurer's file and its result (one UPDATE … FROM the file's rows).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { GroupAmount } from '../service/subsidy-amounts.ts';
import type { SubsidyResult } from '../tables.ts';
import { recipientsQuery } from './groups.ts';

export interface ListKey { county_code: string; id: number }

/** Writes the list's entries: the county's recipients on the month, with their group's amounts; returns the totals. */
export async function generateEntries(tx: Kysely<DB>, l: ListKey, month: string, amounts: readonly GroupAmount[]): Promise<{ persons: number; amountFen: number }> {
  const a = JSON.stringify(amounts.map((x) => ({ group: x.group, contribution_fen: x.contributionFen, subsidy_fen: x.subsidyFen })));
  await sql`
    with a as (select * from jsonb_to_recordset(cast(${a} as jsonb)) as a ("group" text, contribution_fen bigint, subsidy_fen bigint))
    insert into medical_subsidy_entries (county_code, list_id, area_code, household_id, member_id, name, id_number, "group", basis_case_no, contribution_fen, subsidy_fen)
    select r.county_code, ${l.id}, r.area_code, r.household_id, r.member_id, r.name, r.id_number, r."group", r.case_no, a.contribution_fen, a.subsidy_fen
    from (${recipientsQuery(l.county_code, month)}) r join a on a."group" = r."group"`.execute(tx);
  const { rows } = await sql<{ persons: number; amount_fen: string }>`
    update medical_subsidy_lists l set persons = t.persons, amount_fen = t.amount
    from (select count(*)::int as persons, coalesce(sum(subsidy_fen), 0)::bigint as amount from medical_subsidy_entries
          where county_code = ${l.county_code} and list_id = ${l.id}) t
    where l.county_code = ${l.county_code} and l.id = ${l.id}
    returning l.persons, l.amount_fen`.execute(tx);
  const r = rows[0];
  return { persons: r?.persons ?? 0, amountFen: Number(r?.amount_fen ?? 0) };
}

export interface EntryFilter { township?: string | undefined; village?: string | undefined; group?: string | undefined; excluded?: boolean | undefined; limit: number; after?: number | undefined }

/** One page of entries in the scope (`visible` on e.area_code), keyset on id, with township and village names. */
export async function entries(db: Kysely<DB>, l: ListKey, visible: Expression<SqlBool>, f: EntryFilter) {
  let q = db.selectFrom('medical_subsidy_entries as e')
    .leftJoin('areas as v', 'v.code', 'e.area_code')
    .leftJoin('areas as t', 't.code', 'v.parent_code')
    .select(['e.id', 'e.area_code', 'v.name as village_name', 'v.parent_code as township_code', 't.name as township_name', 'e.name', 'e.id_number', 'e.group',
      'e.basis_case_no', 'e.contribution_fen', 'e.subsidy_fen', 'e.excluded', 'e.exclude_reason', 'e.result', 'e.result_reason'])
    .where('e.county_code', '=', l.county_code).where('e.list_id', '=', l.id).where(visible);
  if (f.township) q = q.where(sql<SqlBool>`left(e.area_code, 9) = ${f.township}`);
  if (f.village) q = q.where('e.area_code', '=', f.village);
  if (f.group) q = q.where('e.group', '=', f.group);
  if (f.excluded !== undefined) q = q.where('e.excluded', '=', f.excluded);
  if (f.after !== undefined) q = q.where('e.id', '>', f.after);
  const rows = await q.orderBy('e.id').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), contribution_fen: Number(r.contribution_fen), subsidy_fen: Number(r.subsidy_fen) }));
}

/** Totals of the entries in the scope: by group and township, not excluded; and how many are excluded. */
export async function totals(db: Kysely<DB>, l: ListKey, visible: Expression<SqlBool>) {
  const rows = await db.selectFrom('medical_subsidy_entries as e').leftJoin('areas as t', (j) => j.on(sql<SqlBool>`t.code = left(e.area_code, 9)`))
    .select([sql<string>`left(e.area_code, 9)`.as('township_code'), 't.name as township_name', 'e.group', 'e.excluded',
      sql<number>`count(*)::int`.as('persons'), sql<string>`sum(e.contribution_fen)::bigint`.as('contribution_fen'), sql<string>`sum(e.subsidy_fen)::bigint`.as('subsidy_fen')])
    .where('e.county_code', '=', l.county_code).where('e.list_id', '=', l.id).where(visible)
    .groupBy([sql`1`, 't.name', 'e.group', 'e.excluded']).orderBy(sql`1`).execute();
  return rows.map((r) => ({ ...r, contribution_fen: Number(r.contribution_fen), subsidy_fen: Number(r.subsidy_fen) }));
}

export async function entryById(tx: Kysely<DB>, l: ListKey, entryId: number) {
  const r = await tx.selectFrom('medical_subsidy_entries').select(['id', 'area_code', 'name', 'subsidy_fen', 'excluded', 'exclude_reason'])
    .where('county_code', '=', l.county_code).where('list_id', '=', l.id).where('id', '=', entryId).executeTakeFirst();
  return r && { ...r, id: Number(r.id), subsidy_fen: Number(r.subsidy_fen) };
}

/** Excludes (with the reason) or includes an entry, and moves the list's totals by it; returns the new totals. */
export async function setExcluded(tx: Kysely<DB>, l: ListKey, entryId: number, excluded: boolean, reason: string | null) {
  const { rows } = await sql<{ persons: number; amount_fen: string }>`
    with e as (
      update medical_subsidy_entries set excluded = ${excluded}, exclude_reason = ${reason}
      where county_code = ${l.county_code} and list_id = ${l.id} and id = ${entryId} and excluded <> ${excluded}
      returning subsidy_fen
    )
    update medical_subsidy_lists set
      persons = persons + ${excluded ? -1 : 1} * (select count(*)::int from e),
      amount_fen = amount_fen + ${excluded ? -1 : 1} * (select coalesce(sum(subsidy_fen), 0)::bigint from e)
    where county_code = ${l.county_code} and id = ${l.id}
    returning persons, amount_fen`.execute(tx);
  const r = rows[0];
  return { persons: r?.persons ?? 0, amountFen: Number(r?.amount_fen ?? 0) };
}

/** An excluded entry's reason may change while it stays excluded. */
export async function setReason(tx: Kysely<DB>, l: ListKey, entryId: number, reason: string) {
  await tx.updateTable('medical_subsidy_entries').set({ exclude_reason: reason }).where('county_code', '=', l.county_code).where('list_id', '=', l.id).where('id', '=', entryId).execute();
}

/** The rows of the insurer's file: entries not excluded, by township, village and id. */
export async function fileRows(db: Kysely<DB>, l: ListKey) {
  const rows = await db.selectFrom('medical_subsidy_entries as e')
    .select(['e.area_code', 'e.name', 'e.id_number', 'e.group', 'e.contribution_fen', 'e.subsidy_fen'])
    .where('e.county_code', '=', l.county_code).where('e.list_id', '=', l.id).where('e.excluded', '=', false)
    .orderBy('e.area_code').orderBy('e.id').execute();
  // The villages' and townships' names in one small query rather than two joins on every row.
  const villages = await db.selectFrom('areas as v').leftJoin('areas as t', 't.code', 'v.parent_code')
    .select(['v.code', 'v.name as village_name', 't.name as township_name'])
    .where('v.code', 'in', [...new Set(rows.map((r) => r.area_code)), ''])
    .execute();
  const names = new Map(villages.map((v) => [v.code, v]));
  return rows.map((r) => ({
    ...r, township_name: names.get(r.area_code)?.township_name ?? null, village_name: names.get(r.area_code)?.village_name ?? null,
    contribution_fen: Number(r.contribution_fen), subsidy_fen: Number(r.subsidy_fen),
  }));
}

/** ID numbers of the entries not excluded (what a result file may name). */
export async function idNumbers(db: Kysely<DB>, l: ListKey): Promise<Set<string>> {
  const rows = await db.selectFrom('medical_subsidy_entries').select('id_number')
    .where('county_code', '=', l.county_code).where('list_id', '=', l.id).where('excluded', '=', false).execute();
  return new Set(rows.map((r) => r.id_number));
}

/** Replaces the results of the list's entries not excluded with the file's (pending when not in it); writes the counts. */
export async function applyResults(tx: Kysely<DB>, l: ListKey, results: readonly { idNumber: string; result: SubsidyResult; reason: string | null }[], on: string) {
  const r = JSON.stringify(results.map((x) => ({ id_number: x.idNumber, result: x.result, reason: x.reason })));
  const { rows } = await sql<{ enrolled: number; refused: number }>`
    with r as (select * from jsonb_to_recordset(cast(${r} as jsonb)) as r (id_number text, result text, reason text)),
    u as (
      update medical_subsidy_entries e set result = coalesce(r.result, 'pending'), result_reason = r.reason
      from medical_subsidy_entries x left join r on r.id_number = x.id_number
      where x.county_code = ${l.county_code} and x.list_id = ${l.id} and not x.excluded and e.county_code = x.county_code and e.id = x.id
      returning e.result
    )
    update medical_subsidy_lists set result_imported_on = ${on},
      enrolled = (select count(*)::int from u where result = 'enrolled'), refused = (select count(*)::int from u where result = 'refused')
    where county_code = ${l.county_code} and id = ${l.id}
    returning enrolled, refused`.execute(tx);
  return rows[0] ?? { enrolled: 0, refused: 0 };
}
