// SQL of the caseload import's write, inside its transaction: the ids and case numbers the rows take (one
// statement each), the re-check of the open rows, the four tables' rows inserted column-wise from arrays
// (`insert … select from rows from (unnest(…), …)`, a statement per 10,000 rows, queued: see `Inserts`),
// and the 集中供养 stays for the placements.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { brokenRows, foreignKeysOf, switchTriggers, type ForeignKey } from './foreign-keys.ts';

type Value = string | number | null;
type ColumnType = 'text' | 'bigint' | 'int' | 'date';
/**
 * A column of rows: its values (one per row), or one value for every row. A jsonb column's values are JSON
 * texts (never null): they travel as one JSON array, joined as they are (escaping each for an array literal
 * cost Node a second per 100,000 of them).
 */
export type Column =
  | { name: string; type: ColumnType; values: Value[] }
  | { name: string; type: 'jsonb'; values: string[] }
  | { name: string; type: ColumnType | 'jsonb'; constant: Value };

/** What a quoted array element escapes with a backslash. */
const ESCAPED = /[\\"]/g;
const NEEDS_ESCAPE = /[\\"]/;

/** A PostgreSQL array literal: every text element quoted (names, JSON), numbers as they are, null as NULL. */
export function arrayLiteral(values: readonly Value[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

/** JSON texts as one JSON array (each element the jsonb of its text). */
export const jsonArray = (texts: readonly string[]): string => `[${texts.join(',')}]`;

/** Rows per statement: a statement's arrays are parsed and unnested whole (on PGlite a 100,000-row statement cost half as much again per row). */
const CHUNK = 10_000;
/** Statements built ahead of the one running (each holds its chunk's arrays as text). */
const AHEAD = 2;

/** The expression of a column over the statement's rows `u`: its array's element, or its one value (null: none). */
function valueOf(columns: readonly Column[], name: string): RawBuilder<unknown> | null {
  const c = columns.find((x) => x.name === name);
  if (!c) return null;
  if ('values' in c) return sql.ref(`u.${c.name}`);
  return c.constant === null ? null : sql`cast(${c.constant} as ${sql.raw(c.type)})`;
}

/**
 * The inserts of one transaction, sent without waiting for each: the transaction's connection runs them
 * one after the other (kysely queues them), and Node builds the next statement's arrays while the server
 * runs the last, instead of in turn. The foreign keys in `keys` (their triggers off) are checked by each
 * statement over its rows (repo/foreign-keys.ts). See `queuedInserts`.
 */
export class Inserts {
  private readonly running: Promise<unknown>[] = [];

  constructor(private readonly tx: Kysely<DB>, private readonly keys: readonly ForeignKey[] = []) {}

  /** The rows of `table` from the columns' arrays, a statement per chunk of rows (queued, not yet run). */
  async add(table: string, columns: readonly Column[]): Promise<void> {
    const arrays = columns.filter((c) => 'values' in c);
    const n = arrays.length === 0 ? 0 : arrays[0]!.values.length;
    const select = columns.map((c) => ('values' in c ? sql.ref(`u.${c.name}`) : sql`cast(${c.constant} as ${sql.raw(c.type)})`));
    const checks = this.keys.filter((k) => k.table === table)
      .flatMap((key) => { const broken = brokenRows(key, (column) => valueOf(columns, column)); return broken ? [{ key, broken }] : []; });
    for (let at = 0; at < n; at += CHUNK) {
      const unnest = (c: Column) => {
        if (!('values' in c)) return sql``;
        if (c.type === 'jsonb') return sql`jsonb_array_elements(cast(${jsonArray((c.values as string[]).slice(at, at + CHUNK))} as jsonb))`;
        return sql`unnest(cast(${arrayLiteral(c.values.slice(at, at + CHUNK))} as ${sql.raw(c.type)}[]))`;
      };
      const rows = sql`rows from (${sql.join(arrays.map(unnest))}) as u (${sql.join(arrays.map((c) => sql.ref(c.name)))})`;
      const insert = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) select ${sql.join(select)}`;
      const statement = checks.length === 0
        ? sql`${insert} from ${rows}`.execute(this.tx)
        : sql<Record<string, number>>`with u as materialized (select * from ${rows}), i as (${insert} from u)
            select ${sql.join(checks.map((c, i) => sql`${c.broken} as ${sql.ref(`k${i}`)}`))}`.execute(this.tx).then(({ rows: [counts] }) => {
            const broken = checks.flatMap((c, i) => {
              const n = counts?.[`k${i}`] ?? 0;
              return n > 0 ? [`${c.key.name}：${n} 行`] : [];
            });
            if (broken.length > 0) {
              throw AppError.conflict('caseload_reference_gone', `导入期间文件引用的登记记录已不存在（${broken.join('；')}），未导入任何数据；请重新导入`, { table, keys: broken });
            }
          });
      statement.catch(() => undefined);
      this.running.push(statement);
      while (this.running.length > AHEAD) await this.running.shift();
    }
  }

  /** Every statement run; the first failure thrown. */
  async done(): Promise<void> {
    while (this.running.length > 0) await this.running.shift();
  }

  /** Every statement run or failed. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.running.splice(0));
  }
}

/**
 * `fn` with inserts queued on the transaction, all of them run when it answers. On a failure the queued
 * statements are let run (or fail) first: the rollback goes to the connection itself, and a statement
 * still queued behind it would run outside the transaction. `setBased`: tables whose foreign keys are
 * checked by the inserts' statements, their triggers off meanwhile (PGlite only: repo/foreign-keys.ts).
 */
export async function queuedInserts<T>(tx: Kysely<DB>, fn: (inserts: Inserts) => Promise<T>, setBased: readonly string[] = []): Promise<T> {
  const keys = setBased.length > 0 ? await foreignKeysOf(tx, setBased) : [];
  await switchTriggers(tx, keys, false);
  const inserts = new Inserts(tx, keys);
  try {
    const out = await fn(inserts);
    await inserts.done();
    await switchTriggers(tx, keys, true);
    return out;
  } catch (e) {
    await inserts.settled();
    throw e;
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
