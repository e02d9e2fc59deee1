// SQL of the caseload import: one query per check over the whole file (households, their members, the
// cases already open), the registry rows the formulas read (one query per table), the staging COPY and
// its clean-up, and the re-check inside the import's transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import type { RegistryHousehold } from '../../registry/index.ts';

/** A PostgreSQL array literal of digits-only values (household numbers, ids): nothing to quote. */
const digits = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export async function areaOf(db: Kysely<DB>, code: string) {
  return db.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}

export interface FileHouseholdRow {
  county_code: string;
  id: number;
  household_no: string;
  village_code: string;
  hukou: string;
  categories: string[];
}

/** The registered households among these numbers (any county: the caller tells "other county" from "none"). */
export async function householdsAmong(db: Kysely<DB>, numbers: readonly string[]): Promise<FileHouseholdRow[]> {
  if (numbers.length === 0) return [];
  const { rows } = await sql<FileHouseholdRow>`
    select h.county_code, h.id, h.household_no, h.village_code, h.hukou, h.categories
    from unnest(${digits(numbers)}::text[]) as f (no)
    join households h on h.county_code = substr(f.no, 1, 6) and h.household_no = f.no`.execute(db);
  return rows;
}

type Key = { county_code: string; id: number };
const keyArrays = (keys: readonly Key[]) => [digits(keys.map((k) => k.county_code)), digits(keys.map((k) => k.id))] as const;

type Rows = RegistryHousehold;

/** Every member, income item and asset of these households (one query per table), ordered by id. */
export async function registryRowsOf(db: Kysely<DB>, keys: readonly Key[]) {
  const [counties, ids] = keyArrays(keys);
  const of = (table: 'members' | 'income_items' | 'assets') => sql`
    select t.* from unnest(${counties}::text[], ${ids}::bigint[]) as f (county_code, household_id)
    join ${sql.table(table)} t on t.county_code = f.county_code and t.household_id = f.household_id order by t.id`;
  const [members, incomes, assets] = await Promise.all([
    of('members').$castTo<Rows['members'][number]>().execute(db),
    of('income_items').$castTo<Rows['incomes'][number]>().execute(db),
    of('assets').$castTo<Rows['assets'][number]>().execute(db),
  ]);
  return { members: members.rows, incomes: incomes.rows, assets: assets.rows };
}

export interface OpenCase {
  county_code: string;
  household_id: number;
  applicant_member_id: number;
  programme: string;
  case_no: string;
  state: string;
}

/** The 低保 and 特困 cases of these households that are not closed (pending, granted, payable or suspended). */
export async function openCasesOf(db: Kysely<DB>, keys: readonly Key[]): Promise<OpenCase[]> {
  if (keys.length === 0) return [];
  const [counties, ids] = keyArrays(keys);
  const { rows } = await sql<OpenCase>`
    select c.county_code, c.household_id, c.applicant_member_id, c.programme, c.case_no, c.state
    from unnest(${counties}::text[], ${ids}::bigint[]) as f (county_code, household_id)
    join cases c on c.county_code = f.county_code and c.household_id = f.household_id
    where c.programme in ('dibao', 'hardship') and c.phase <> 'terminal'`.execute(db);
  return rows;
}

export const STAGE_COLUMNS = ['stage_id', 'row_no', 'programme', 'rule_set', 'county_code', 'household_id', 'area_code', 'member_id', 'name', 'id_number',
  'decided_on', 'effective_month', 'from_month', 'review_due', 'amount_fen', 'persons', 'summary', 'context', 'explanation', 'payee', 'payee_name', 'payee_id_number'] as const;

/** Lines per chunk handed to COPY: the server loads one while the next is written. */
const COPY_CHUNK = 5_000;

export async function newStage(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ id: string }>`select nextval('caseload_stage_seq') as id`.execute(db);
  return Number(rows[0]!.id);
}

/** COPY the staged lines (outside the import's transaction). */
export async function copyStage(db: Database, lines: readonly string[]): Promise<void> {
  async function* chunks(): AsyncGenerator<string> {
    for (let at = 0; at < lines.length; at += COPY_CHUNK) yield lines.slice(at, at + COPY_CHUNK).join('');
  }
  await db.copyCsv('caseload_stage', STAGE_COLUMNS, chunks());
}

/** The (programme, rule set) groups of a stage: one bulk decision each. */
export async function stageGroups(tx: Kysely<DB>, stage: number) {
  const { rows } = await sql<{ programme: string; rule_set: string; n: string }>`
    select programme, rule_set, count(*) as n from caseload_stage where stage_id = ${stage} group by 1, 2 order by 1, 2`.execute(tx);
  return rows;
}

/** Staged rows whose household (低保) or person (特困) has meanwhile got an open case: the import's re-check. */
export async function stagedTaken(tx: Kysely<DB>, stage: number): Promise<number[]> {
  const { rows } = await sql<{ row_no: number }>`
    select s.row_no from caseload_stage s
    where s.stage_id = ${stage} and exists (
      select 1 from cases c where c.county_code = s.county_code and c.household_id = s.household_id and c.programme = s.programme and c.phase <> 'terminal'
        and (s.programme = 'dibao' or c.applicant_member_id = s.member_id))
    order by 1`.execute(tx);
  return rows.map((r) => r.row_no);
}

export async function clearStage(db: Kysely<DB>, stage: number): Promise<void> {
  await sql`delete from caseload_stage where stage_id = ${stage}`.execute(db);
}

/** The staged rows of one programme and rule set, as `decideInBulk` picks them (perRow). */
export function stagedPicked(stage: number, programme: string, ruleSet: string) {
  return sql`select s.*, s.row_no as ord, null::text as source_key from caseload_stage s
    where s.stage_id = ${stage} and s.programme = ${programme} and s.rule_set = ${ruleSet}`;
}
