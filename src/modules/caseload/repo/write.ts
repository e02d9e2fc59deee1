// SQL of the caseload import's write, inside its transaction: the ids and case numbers the rows take (one
// statement each), the re-check of the open rows, the four tables' rows inserted column-wise from arrays
// (`insert … select from unnest(…)`, a statement per 10,000 rows), and the 集中供养 stays for the placements.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';

type Value = string | number | null;
type ColumnType = 'text' | 'bigint' | 'int' | 'date' | 'jsonb';
/** A column of rows: its values (one per row), or one value for every row. */
export type Column = { name: string; type: ColumnType; values: Value[] } | { name: string; type: ColumnType; constant: Value };

/** What a quoted array element escapes with a backslash. */
const ESCAPED = /[\\"]/g;

/** A PostgreSQL array literal: every text element quoted (names, JSON), numbers as they are, null as NULL. */
export function arrayLiteral(values: readonly Value[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(ESCAPED, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/** Rows per statement: a statement's arrays are parsed and unnested whole (on PGlite a 100,000-row statement cost half as much again per row). */
const CHUNK = 10_000;

/** The rows of `table` from the columns' arrays, a statement per chunk of rows. */
export async function insertColumns(tx: Kysely<DB>, table: string, columns: readonly Column[]): Promise<void> {
  const arrays = columns.filter((c) => 'values' in c);
  const n = arrays.length === 0 ? 0 : (arrays[0] as { values: Value[] }).values.length;
  const select = columns.map((c) => ('values' in c ? sql.ref(`u.${c.name}`) : sql`cast(${c.constant} as ${sql.raw(c.type)})`));
  for (let at = 0; at < n; at += CHUNK) {
    const slice = (c: Column) => arrayLiteral('values' in c ? c.values.slice(at, at + CHUNK) : []);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
      select ${sql.join(select)}
      from unnest(${sql.join(arrays.map((c) => sql`cast(${slice(c)} as ${sql.raw(c.type)}[])`))}) as u (${sql.join(arrays.map((c) => sql.ref(c.name)))})`.execute(tx);
  }
}

/** `n` ids of the cases' sequence (cases, transitions, decisions and entitlements share it), in the order drawn. */
export async function drawIds(tx: Kysely<DB>, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ ids: string }>`select string_agg(nextval('case_id_seq')::text, ',') as ids from generate_series(1, ${n}::int)`.execute(tx);
  return rows[0]!.ids.split(',').map(Number);
}

/** The first number of each block of case numbers (the register's `next_serials`), in the order given. */
export async function firstSerials(tx: Kysely<DB>, blocks: readonly { prefix: string; countyCode: string; year: string; count: number }[]): Promise<number[]> {
  if (blocks.length === 0) return [];
  const { rows } = await sql<{ first_no: string }>`
    select next_serials(b.prefix, b.county_code, b.year, b.n) as first_no
    from unnest(${arrayLiteral(blocks.map((b) => b.prefix))}::text[], ${arrayLiteral(blocks.map((b) => b.countyCode))}::text[],
      ${arrayLiteral(blocks.map((b) => b.year))}::text[], ${arrayLiteral(blocks.map((b) => b.count))}::bigint[]) with ordinality as b (prefix, county_code, year, n, ord)
    order by b.ord`.execute(tx);
  return rows.map((r) => Number(r.first_no));
}

export interface OpenRow {
  row: number;
  programme: string;
  countyCode: string;
  householdId: number;
  memberId: number;
}

/** Open rows whose household (低保) or person (特困) has meanwhile got an open case: the import's re-check (a closed row is history). */
export async function takenAmong(tx: Kysely<DB>, rows: readonly OpenRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const { rows: taken } = await sql<{ row_no: number }>`
    select s.row_no from unnest(${arrayLiteral(rows.map((r) => r.row))}::int[], ${arrayLiteral(rows.map((r) => r.programme))}::text[],
      ${arrayLiteral(rows.map((r) => r.countyCode))}::text[], ${arrayLiteral(rows.map((r) => r.householdId))}::bigint[], ${arrayLiteral(rows.map((r) => r.memberId))}::bigint[])
      as s (row_no, programme, county_code, household_id, member_id)
    where exists (
      select 1 from cases c where c.county_code = s.county_code and c.household_id = s.household_id and c.programme = s.programme and c.phase <> 'terminal'
        and (s.programme = 'dibao' or c.applicant_member_id = s.member_id))
    order by 1`.execute(tx);
  return taken.map((r) => r.row_no);
}

export interface Stay {
  countyCode: string;
  institutionId: number;
  caseId: number;
  householdId: number;
  memberId: number;
  areaCode: string;
  admittedOn: string;
  dischargedOn: string | null;
  row: number;
}

/** The 集中供养 stays as the placements' bulk admission reads them. */
export function staysSelection(stays: readonly Stay[]): RawBuilder<unknown> {
  const a = (f: (s: Stay) => Value) => arrayLiteral(stays.map(f));
  return sql`select * from unnest(${a((s) => s.countyCode)}::text[], ${a((s) => s.institutionId)}::bigint[], ${a((s) => s.caseId)}::bigint[],
      ${a((s) => s.householdId)}::bigint[], ${a((s) => s.memberId)}::bigint[], ${a((s) => s.areaCode)}::text[], ${a((s) => s.admittedOn)}::date[],
      ${a((s) => s.dischargedOn)}::date[], ${a((s) => s.row)}::int[])
    as s (county_code, institution_id, case_id, household_id, member_id, area_code, admitted_on, discharged_on, row_no)`;
}
