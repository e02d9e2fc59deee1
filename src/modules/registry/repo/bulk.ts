/** Set-based SQL of imports and demo loads: one query per check, COPY for the rows. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import {
  ASSET_COLUMNS, HOUSEHOLD_COLUMNS, INCOME_COLUMNS, MEMBER_COLUMNS, PERSON_INDEX_COLUMNS, type RegistryCsv,
} from './copy-rows.ts';

/** `n` fresh values of a sequence, in one round trip. */
export async function allocate(db: Kysely<DB>, sequence: 'registry_id_seq' | 'household_no_seq', n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ ids: string }>`select string_agg(nextval(${sequence}::regclass)::text, ',') as ids from generate_series(1, ${n}::int)`.execute(db);
  return (rows[0]?.ids ?? '').split(',').map(Number);
}

/** A PostgreSQL array literal of codes or ID numbers (digits and X only: nothing to quote). */
const textArray = (values: readonly string[]) => `{${values.join(',')}}`;

/** Which of these codes are villages (any scope: the caller tells "not yours" from "no such village"). */
export async function villagesAmong(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  const safe = codes.filter((c) => /^\d{12}$/.test(c));
  if (safe.length === 0) return new Set();
  const { rows } = await sql<{ code: string }>`select a.code from unnest(${textArray(safe)}::text[]) as f(code) join areas a on a.code = f.code where a.level = 'village'`.execute(db);
  return new Set(rows.map((r) => r.code));
}

/** Every one of these ID numbers that is registered anywhere, with where: one query for the whole file. */
export async function registeredAmong(db: Kysely<DB>, idNumbers: readonly string[]) {
  if (idNumbers.length === 0) return [];
  const { rows } = await sql<{ id_number: string; county_name: string; household_no: string; village_code: string }>`
    select p.id_number, c.name as county_name, h.household_no, h.village_code
    from unnest(${textArray(idNumbers)}::text[]) as f(id_number)
    join person_index p on p.id_number = f.id_number
    join households h on h.county_code = p.county_code and h.id = p.household_id
    join areas c on c.code = p.county_code`.execute(db);
  return rows;
}

const STAGE = {
  households: 'registry_stage_households',
  members: 'registry_stage_members',
  incomes: 'registry_stage_income_items',
  assets: 'registry_stage_assets',
} as const;

/** COPY straight into the registry tables (demo data). */
export async function copyIntoRegistry(db: Database, csv: RegistryCsv): Promise<void> {
  await db.copyCsv('households', HOUSEHOLD_COLUMNS, csv.households.join(''));
  await db.copyCsv('members', MEMBER_COLUMNS, csv.members.join(''));
  await db.copyCsv('person_index', PERSON_INDEX_COLUMNS, csv.personIndex.join(''));
  if (csv.incomes.length > 0) await db.copyCsv('income_items', INCOME_COLUMNS, csv.incomes.join(''));
  if (csv.assets.length > 0) await db.copyCsv('assets', ASSET_COLUMNS, csv.assets.join(''));
}

/** COPY into the staging tables; every line ends with `,<importId>`. */
export async function copyIntoStaging(db: Database, csv: RegistryCsv): Promise<void> {
  await db.copyCsv(STAGE.households, [...HOUSEHOLD_COLUMNS, 'import_id'], csv.households.join(''));
  await db.copyCsv(STAGE.members, [...MEMBER_COLUMNS, 'import_id'], csv.members.join(''));
  // Staging keeps the NOT NULL of the id column; 0 stands in, the registry's default assigns the id.
  if (csv.incomes.length > 0) await db.copyCsv(STAGE.incomes, ['id', ...INCOME_COLUMNS, 'import_id'], csv.incomes.map((l) => `0,${l}`).join(''));
  if (csv.assets.length > 0) await db.copyCsv(STAGE.assets, ['id', ...ASSET_COLUMNS, 'import_id'], csv.assets.map((l) => `0,${l}`).join(''));
}

/** Inside the import's transaction: staged rows into the registry, one history row per household. */
export async function moveStaged(tx: Kysely<DB>, scope: Scope, importId: number): Promise<void> {
  const h = HOUSEHOLD_COLUMNS.join(', ');
  const m = MEMBER_COLUMNS.join(', ');
  const i = INCOME_COLUMNS.join(', ');
  const a = ASSET_COLUMNS.join(', ');
  await sql`insert into households (${sql.raw(h)}) select ${sql.raw(h)} from registry_stage_households where import_id = ${importId}`.execute(tx);
  await sql`insert into members (${sql.raw(m)}) select ${sql.raw(m)} from registry_stage_members where import_id = ${importId}`.execute(tx);
  await sql`insert into person_index (id_number, county_code, member_id, household_id) select id_number, county_code, id, household_id from registry_stage_members where import_id = ${importId}`.execute(tx);
  await sql`insert into income_items (${sql.raw(i)}) select ${sql.raw(i)} from registry_stage_income_items where import_id = ${importId}`.execute(tx);
  await sql`insert into assets (${sql.raw(a)}) select ${sql.raw(a)} from registry_stage_assets where import_id = ${importId}`.execute(tx);
  await sql`
    insert into registry_history (county_code, household_id, actor_id, actor_name, action, after)
    select county_code, id, ${scope.userId}::bigint, ${scope.userName}, 'household.import', jsonb_build_object('reportId', ${importId}::bigint, 'householdNo', household_no)
    from registry_stage_households where import_id = ${importId}`.execute(tx);
}

export async function clearStaged(db: Kysely<DB>, importId: number): Promise<void> {
  for (const table of Object.values(STAGE)) await sql`delete from ${sql.table(table)} where import_id = ${importId}`.execute(db);
}

export interface ReportInput {
  areaCode: string;
  actorId: number | null;
  actorName: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  partial: boolean;
}

export async function insertReport(db: Kysely<DB>, r: ReportInput): Promise<number> {
  const row = await db
    .insertInto('registry_import_reports')
    .values({ area_code: r.areaCode, actor_id: r.actorId, actor_name: r.actorName, file_name: r.fileName, format: r.format, partial: r.partial, summary: JSON.stringify({ status: 'validating' }), errors: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishReport(db: Kysely<DB>, id: number, summary: unknown, errors: unknown): Promise<void> {
  await db.updateTable('registry_import_reports').set({ summary: JSON.stringify(summary), errors: JSON.stringify(errors) }).where('id', '=', id).execute();
}

/** A report, only when the importer's area lies in the caller's scope. */
export async function findReport(db: Kysely<DB>, scope: Scope, id: number) {
  return db.selectFrom('registry_import_reports').selectAll().where('id', '=', id).where(inScope(scope, 'area_code')).executeTakeFirst();
}

export async function findDemoLoad(db: Kysely<DB>, seed: string) {
  return db.selectFrom('registry_demo_loads').selectAll().where('seed', '=', seed).executeTakeFirst();
}

export async function recordDemoLoad(db: Kysely<DB>, r: { seed: string; households: number; members: number; skipped: number }): Promise<void> {
  await db.insertInto('registry_demo_loads').values(r).execute();
}

export async function countHouseholds(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('households').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The villages of a prefecture with their township's name (functional zones included). */
export async function prefectureVillages(db: Kysely<DB>, prefectureCode: string) {
  return db
    .selectFrom('areas as v')
    .innerJoin('areas as t', 't.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'v.county_code', 'v.urban', 't.name as township_name'])
    .where('v.level', '=', 'village')
    .where('v.prefecture_code', '=', prefectureCode)
    .orderBy('v.code')
    .execute();
}

export async function firstPrefecture(db: Kysely<DB>): Promise<string | undefined> {
  return (await db.selectFrom('areas').select('code').where('level', '=', 'prefecture').orderBy('code').limit(1).executeTakeFirst())?.code;
}

export const HISTORY_COLUMNS = ['county_code', 'household_id', 'actor_name', 'action', 'after'] as const;

/** History lines (CSV) for COPY into registry_history: `after` is JSON without commas or quotes to escape beyond CSV's. */
export function historyLine(countyCode: string, householdId: number, actorName: string, action: string, after: unknown): string {
  return `${countyCode},${householdId},${actorName},${action},"${JSON.stringify(after).replace(/"/g, '""')}"\n`;
}

export async function copyHistory(db: Database, lines: string[]): Promise<void> {
  if (lines.length > 0) await db.copyCsv('registry_history', HISTORY_COLUMNS, lines.join(''));
}

/**
 * Fresh planner statistics after a bulk load: PGlite runs no autovacuum, and without statistics the
 * search plans of a just-loaded registry scan instead of using the name and ID indexes.
 */
export async function analyzeRegistry(db: Kysely<DB>): Promise<void> {
  await sql`analyze households, members, person_index, income_items, assets`.execute(db);
}
