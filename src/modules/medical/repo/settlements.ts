// SQL of the settlement import: one query per check over the whole file (ID numbers, settlement numbers,
// episodes already in the ledger), the import row and its episodes written set-based, and the reads.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { MedicalGroup } from './groups.ts';
import type { EpisodeKind, EpisodeSource, EpisodeStatus } from '../tables.ts';

/** A PostgreSQL array literal; every text element quoted, so names and hospitals need no care. */
function arrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : typeof v === 'string' ? `"${v.replace(/[\\"]/g, '\\$&')}"` : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  }
  return `{${parts.join(',')}}`;
}

export interface RegisteredMember {
  id_number: string;
  member_id: number;
  household_id: number;
  name: string;
  village_code: string;
}

/** The members registered in the county among these (valid) ID numbers. */
export async function membersAmong(db: Kysely<DB>, countyCode: string, idNumbers: readonly string[]): Promise<RegisteredMember[]> {
  if (idNumbers.length === 0) return [];
  const { rows } = await sql<RegisteredMember>`
    select m.id_number, m.id as member_id, m.household_id, m.name, h.village_code
    from unnest(${arrayLiteral(idNumbers)}::text[]) as f (id_number)
    join members m on m.id_number = f.id_number and m.county_code = ${countyCode}
    join households h on h.county_code = m.county_code and h.id = m.household_id`.execute(db);
  return rows;
}

/** Which of these settlement numbers the county has imported already. */
export async function settledNumbers(db: Kysely<DB>, countyCode: string, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const { rows } = await sql<{ settlement_no: string }>`
    select e.settlement_no from unnest(${arrayLiteral(numbers)}::text[]) as f (no)
    join medical_episodes e on e.county_code = ${countyCode} and e.source = 'settlement' and e.settlement_no = f.no`.execute(db);
  return new Set(rows.map((r) => r.settlement_no));
}

export interface EpisodeKeyRow {
  id_number: string;
  hospital: string;
  admitted_on: string;
  kind: EpisodeKind;
}

/** The non-void episodes of the ledger (any county, either source) that are one of these. */
export async function ledgerAmong(db: Kysely<DB>, keys: readonly EpisodeKeyRow[]) {
  if (keys.length === 0) return [];
  const { rows } = await sql<EpisodeKeyRow & { source: EpisodeSource; status: EpisodeStatus; settlement_no: string | null }>`
    select e.id_number, e.hospital, to_char(e.admitted_on, 'YYYY-MM-DD') as admitted_on, e.kind, e.source, e.status, e.settlement_no
    from unnest(${arrayLiteral(keys.map((k) => k.id_number))}::text[], ${arrayLiteral(keys.map((k) => k.hospital))}::text[],
                ${arrayLiteral(keys.map((k) => k.admitted_on))}::date[], ${arrayLiteral(keys.map((k) => k.kind))}::text[]) as f (id_number, hospital, admitted_on, kind)
    join medical_episodes e on e.id_number = f.id_number and e.hospital = f.hospital and e.admitted_on = f.admitted_on and e.kind = f.kind and e.status <> 'void'`.execute(db);
  return rows;
}

export interface NewEpisode {
  rowNo: number;
  settlementNo: string;
  areaCode: string;
  householdId: number;
  memberId: number;
  name: string;
  idNumber: string;
  group: MedicalGroup;
  kind: EpisodeKind;
  critical: boolean;
  hospital: string;
  admittedOn: string;
  dischargedOn: string;
  settledOn: string;
  totalCostFen: number;
  basicInsuranceFen: number;
  criticalInsuranceFen: number;
  eligibleSelfPayFen: number;
  assistanceFen: number;
  tiltFen: number;
}

export async function insertImport(tx: Kysely<DB>, i: { countyCode: string; importNo: string; fileName: string; rows: number; amountFen: number; importedBy: string; department: string | null }) {
  return tx.insertInto('medical_settlement_imports')
    .values({ county_code: i.countyCode, import_no: i.importNo, file_name: i.fileName, rows: i.rows, amount_fen: i.amountFen, imported_by: i.importedBy, department: i.department })
    .returning(['id', 'imported_at']).executeTakeFirstOrThrow();
}

const STAGE_COLUMNS = ['stage_id', 'county_code', 'source', 'row_no', 'settlement_no', 'area_code', 'household_id', 'member_id', 'name', 'id_number', 'group',
  'kind', 'critical', 'hospital', 'admitted_on', 'discharged_on', 'year', 'total_cost_fen', 'basic_insurance_fen', 'critical_insurance_fen', 'eligible_self_pay_fen',
  'assistance_fen', 'tilt_fen', 'deductible_used_fen', 'settled_on', 'status'] as const;
const MOVED = STAGE_COLUMNS.filter((c) => c !== 'stage_id').map((c) => `"${c}"`).join(', ');

/** A CSV field for COPY: quoted when it must be (an empty string is `""`, never NULL). */
const q = (v: string) => (v === '' ? '""' : v.includes('"') || v.includes(',') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v);

/** Lines per chunk handed to COPY: the server loads one while the next is written. */
const COPY_CHUNK = 5_000;

/** COPY the checked episodes into staging (outside the import's transaction); returns the stage id. */
export async function stageEpisodes(db: Database, countyCode: string, episodes: readonly NewEpisode[]): Promise<number> {
  const { rows } = await sql<{ id: string }>`select nextval('medical_stage_seq') as id`.execute(db.kysely);
  const stage = Number(rows[0]!.id);
  const line = (e: NewEpisode) => `${stage},${countyCode},settlement,${e.rowNo},${q(e.settlementNo)},${e.areaCode},${e.householdId},${e.memberId},${q(e.name)},${e.idNumber},${e.group},`
    + `${e.kind},${e.critical ? 't' : 'f'},${q(e.hospital)},${e.admittedOn},${e.dischargedOn},${e.dischargedOn.slice(0, 4)},${e.totalCostFen},${e.basicInsuranceFen},${e.criticalInsuranceFen},`
    + `${e.eligibleSelfPayFen},${e.assistanceFen},${e.tiltFen},0,${e.settledOn},paid\n`;
  async function* chunks(): AsyncGenerator<string> {
    for (let at = 0; at < episodes.length; at += COPY_CHUNK) yield episodes.slice(at, at + COPY_CHUNK).map(line).join('');
  }
  await db.copyCsv('medical_stage_episodes', STAGE_COLUMNS.map((c) => `"${c}"`), chunks());
  return stage;
}

/** Inside the import's transaction: the staged episodes into the ledger, with their import. */
export async function moveStagedEpisodes(tx: Kysely<DB>, stage: number, importId: number): Promise<void> {
  await sql`insert into medical_episodes (import_id, ${sql.raw(MOVED)}) select ${importId}::bigint, ${sql.raw(MOVED)} from medical_stage_episodes where stage_id = ${stage}`.execute(tx);
}

export async function clearStage(db: Kysely<DB>, stage: number): Promise<void> {
  await sql`delete from medical_stage_episodes where stage_id = ${stage}`.execute(db);
}

/** A county by its code (any scope: the caller answers out of scope as not found). */
export async function countyOf(db: Kysely<DB>, code: string) {
  return db.selectFrom('areas').select(['code', 'name']).where('code', '=', code).where('level', '=', 'county').executeTakeFirst();
}

/** Imports the caller sees: counties in scope; a partner only its own department's. */
function visibleImports(db: Kysely<DB>, scope: Scope) {
  let q = db.selectFrom('medical_settlement_imports as i')
    .innerJoin('areas as a', 'a.code', 'i.county_code')
    .leftJoin('users as u', 'u.username', 'i.imported_by')
    .select(['i.id', 'i.county_code', 'a.name as county_name', 'i.import_no', 'i.file_name', 'i.rows', 'i.amount_fen', 'i.imported_by', 'u.display_name', 'i.department', 'i.imported_at'])
    .where(inScope(scope, 'i.county_code'));
  if (scope.kind === 'partner') q = q.where('i.department', '=', scope.department);
  return q;
}

export async function listImports(db: Kysely<DB>, scope: Scope, f: { county?: string | undefined; limit: number; after?: number | undefined }) {
  let q = visibleImports(db, scope);
  if (f.county) q = q.where('i.county_code', '=', f.county);
  if (f.after) q = q.where('i.id', '<', f.after);
  return q.orderBy('i.id', 'desc').limit(f.limit).execute();
}

export async function findImport(db: Kysely<DB>, scope: Scope, importNo: string) {
  return visibleImports(db, scope).where('i.import_no', '=', importNo).executeTakeFirst();
}

export async function importEpisodes(db: Kysely<DB>, scope: Scope, imp: { county_code: string; id: number }, f: { limit: number; after?: number | undefined }) {
  let q = db.selectFrom('medical_episodes as e')
    .innerJoin('areas as v', 'v.code', 'e.area_code')
    .leftJoin('areas as t', 't.code', 'v.parent_code')
    .select(['e.id', 'e.row_no', 'e.settlement_no', 'e.name', 'e.id_number', 'e.group', 'e.kind', 'e.critical', 'e.hospital', 'e.admitted_on', 'e.discharged_on',
      'e.settled_on', 'e.year', 'e.total_cost_fen', 'e.basic_insurance_fen', 'e.critical_insurance_fen', 'e.eligible_self_pay_fen', 'e.assistance_fen', 'e.tilt_fen',
      'e.area_code', 'v.name as village_name', 't.name as township_name'])
    .where('e.county_code', '=', imp.county_code).where('e.import_id', '=', imp.id)
    .where(inScope(scope, 'e.area_code'));
  if (f.after) q = q.where('e.id', '>', f.after);
  return q.orderBy('e.id').limit(f.limit).execute();
}

export interface FigureRow {
  unit: string;
  kind: EpisodeKind;
  critical: boolean;
  episodes: number;
  assistance_fen: number;
  tilt_fen: number;
}

/** Settled episodes of a year under `prefix`, per unit (the first `unitLength` digits of the village) and kind. */
export async function settlementFigures(db: Kysely<DB>, prefix: string, unitLength: number, year: number): Promise<FigureRow[]> {
  const upper = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  const { rows } = await sql<FigureRow>`
    select left(e.area_code, ${unitLength}) as unit, e.kind, e.critical, count(*)::int as episodes,
      coalesce(sum(e.assistance_fen), 0)::bigint as assistance_fen, coalesce(sum(e.tilt_fen), 0)::bigint as tilt_fen
    from medical_episodes e
    where e.area_code >= ${prefix} and e.area_code < ${upper} and e.source = 'settlement' and e.status = 'paid' and e.year = ${year}
    group by 1, 2, 3`.execute(db);
  return rows.map((r) => ({ ...r, episodes: Number(r.episodes), assistance_fen: Number(r.assistance_fen), tilt_fen: Number(r.tilt_fen) }));
}

/** An area and its children (the units of its figures). */
export async function areaWithChildren(db: Kysely<DB>, code: string) {
  const area = await db.selectFrom('areas').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
  if (!area) return null;
  const children = await db.selectFrom('areas').select(['code', 'name']).where('parent_code', '=', code).orderBy('code').execute();
  return { area, children };
}
