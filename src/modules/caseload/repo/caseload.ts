// SQL of the caseload import's checks: one query per check over the whole file (households, their members,
// the cases already open), the registry rows the formulas read (one query per table), the import's number.
// What the import writes: repo/write.ts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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

/**
 * Rows answered as one text, a line per row and its values joined by `|` (the last may hold anything): on
 * PGlite each value a statement outputs costs more than reading it (100,000 households of six columns: 1.2 s
 * of CPU as rows, 0.3 s as one text).
 */
const lines = (text: string | null | undefined): string[] => (text ? text.split('\n') : []);

/** The first `n` values of a line and the rest (which may hold `|`). */
function fields(line: string, n: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const end = line.indexOf('|', at);
    out.push(line.slice(at, end));
    at = end + 1;
  }
  out.push(line.slice(at));
  return out;
}

/** The registered households among these numbers (any county: the caller tells "other county" from "none"). */
export async function householdsAmong(db: Kysely<DB>, numbers: readonly string[]): Promise<FileHouseholdRow[]> {
  if (numbers.length === 0) return [];
  const { rows } = await sql<{ t: string | null }>`
    select string_agg(concat_ws('|', h.county_code, h.id, h.household_no, h.village_code, h.hukou, array_to_string(h.categories, ',')), E'\n') as t
    from unnest(${digits(numbers)}::text[]) as f (no)
    join households h on h.county_code = substr(f.no, 1, 6) and h.household_no = f.no`.execute(db);
  return lines(rows[0]?.t).map((line) => {
    const [county, id, no, village, hukou, categories] = line.split('|') as [string, string, string, string, string, string];
    return { county_code: county, id: Number(id), household_no: no, village_code: village, hukou, categories: categories === '' ? [] : categories.split(',') };
  });
}

type Key = { county_code: string; id: number };
const keyArrays = (keys: readonly Key[]) => [digits(keys.map((k) => k.county_code)), digits(keys.map((k) => k.id))] as const;

type Rows = RegistryHousehold;

type Member = Rows['members'][number];
type Income = Rows['incomes'][number];
type Asset = Rows['assets'][number];
/** The columns the facts (`householdFactsFromRegistry`) and the checks read; the others are not fetched. */
export type MemberFacts = Pick<Member, 'id' | 'county_code' | 'household_id' | 'id_number' | 'name' | 'sex' | 'birth_date' | 'relation' | 'hukou' | 'work_capacity'
  | 'disability_kind' | 'disability_grade' | 'serious_illness' | 'student' | 'categories'>;
export type IncomeFacts = Pick<Income, 'member_id' | 'kind' | 'amount_fen' | 'period' | 'source'>;
export type AssetFacts = Pick<Asset, 'kind' | 'value_fen' | 'note'>;

type MemberTuple = [number, string, string, Member['sex'], string, string, Member['hukou'], Member['work_capacity'], Member['disability_kind'], Member['disability_grade'], boolean, boolean, string[]];
type IncomeTuple = [number | null, Income['kind'], number, Income['period'], string];
type AssetTuple = [Asset['kind'], number, string];

export interface HouseholdRows {
  county_code: string;
  household_id: number;
  members: MemberFacts[];
  incomes: IncomeFacts[];
  assets: AssetFacts[];
}

/**
 * The members, income items and assets of these households, one row per household and table with the
 * rows as a compact JSON array of arrays (ordered by id), only the columns the facts and checks read: on
 * PGlite the output of every column of every row costs more than the whole join (260,000 members: 9 s as
 * typed rows, 4 s like this). Each household's rows by its index (the planner, misled by the array's
 * estimate, hashed every member of the registry for 10,000 households: 0.44 s of CPU on PGlite, 0.26 s so).
 */
export async function registryRowsOf(db: Kysely<DB>, keys: readonly Key[]): Promise<HouseholdRows[]> {
  if (keys.length === 0) return [];
  const [counties, ids] = keyArrays(keys);
  const among = sql`(select * from unnest(${counties}::text[], ${ids}::bigint[]) as f (county_code, household_id))`;
  const agg = (table: 'members' | 'income_items' | 'assets', tuple: RawBuilder<unknown>) => sql<{ county_code: string; household_id: number; j: string }>`
    with f as materialized ${among}
    select t.county_code, t.household_id, json_agg(${tuple} order by t.id)::text as j
    from f cross join lateral (select * from ${sql.table(table)} t where t.county_code = f.county_code and t.household_id = f.household_id offset 0) t
    group by t.county_code, t.household_id`.execute(db);
  const [m, i, a] = await Promise.all([
    agg('members', sql`json_build_array(t.id, t.id_number, t.name, t.sex, t.birth_date, t.relation, t.hukou, t.work_capacity, t.disability_kind, t.disability_grade, t.serious_illness, t.student, t.categories)`),
    agg('income_items', sql`json_build_array(t.member_id, t.kind, t.amount_fen, t.period, t.source)`),
    agg('assets', sql`json_build_array(t.kind, t.value_fen, t.note)`),
  ]);
  const out = new Map<string, HouseholdRows>();
  const at = (county: string, id: number) => {
    const k = `${county}|${id}`;
    let r = out.get(k);
    if (!r) out.set(k, (r = { county_code: county, household_id: Number(id), members: [], incomes: [], assets: [] }));
    return r;
  };
  for (const r of m.rows) {
    const h = at(r.county_code, r.household_id);
    for (const [id, idNumber, name, sex, birth, relation, hukou, work, dKind, dGrade, ill, student, categories] of JSON.parse(r.j) as MemberTuple[]) {
      h.members.push({ id, county_code: r.county_code, household_id: h.household_id, id_number: idNumber, name, sex, birth_date: birth, relation, hukou, work_capacity: work,
        disability_kind: dKind, disability_grade: dGrade, serious_illness: ill, student, categories });
    }
  }
  for (const r of i.rows) for (const [memberId, kind, amount, period, source] of JSON.parse(r.j) as IncomeTuple[]) at(r.county_code, r.household_id).incomes.push({ member_id: memberId, kind, amount_fen: amount, period, source });
  for (const r of a.rows) for (const [kind, value, note] of JSON.parse(r.j) as AssetTuple[]) at(r.county_code, r.household_id).assets.push({ kind, value_fen: value, note });
  return [...out.values()];
}

/** The columns of a member the checks read (and the twin's elderly boundary: the birth date). */
export type MemberLite = Pick<Member, 'id' | 'id_number' | 'name' | 'relation' | 'birth_date'>;
type LiteTuple = [number, string, string, string, string];

/** A household's members as the checks read them: the head and the members the file names, how many there are, and every member's birth date. */
export interface HouseholdMembers {
  /** The head and the members whose ID number the file names (ordered by id). */
  members: MemberLite[];
  /** Every member's count and birth dates (the twin's elderly boundary). */
  size: number;
  births: string[];
}

/**
 * The members of these households, only what the checks read, one compact row per household: the head and
 * the members with one of `idNumbers` as rows, the others only counted and by their birth dates (on PGlite
 * every value output costs more than the join).
 */
export async function membersOf(db: Kysely<DB>, keys: readonly Key[], idNumbers: readonly string[]): Promise<Map<string, HouseholdMembers>> {
  const out = new Map<string, HouseholdMembers>();
  if (keys.length === 0) return out;
  const [counties, ids] = keyArrays(keys);
  const named = `{${[...new Set(idNumbers)].map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  const { rows } = await sql<{ t: string | null }>`
    with f as materialized (select * from unnest(${counties}::text[], ${ids}::bigint[]) as f (county_code, household_id)),
    w as materialized (select distinct id_number from unnest(${named}::text[]) as w (id_number)),
    x as (
      select t.county_code, t.household_id, count(*) as size, string_agg(t.birth_date::text, ',') as births,
        (json_agg(json_build_array(t.id, t.id_number, t.name, t.relation, t.birth_date) order by t.id) filter (where t.relation = 'head' or w.id_number is not null))::text as j
      from members t join f on f.county_code = t.county_code and f.household_id = t.household_id
      left join w on w.id_number = t.id_number
      group by t.county_code, t.household_id)
    select string_agg(concat_ws('|', x.county_code, x.household_id, x.size, coalesce(x.births, ''), coalesce(x.j, '')), E'\n') as t from x`.execute(db);
  for (const line of lines(rows[0]?.t)) {
    const [county, household, size, births, j] = fields(line, 4) as [string, string, string, string, string];
    out.set(`${county}|${Number(household)}`, {
      members: j === '' ? [] : (JSON.parse(j) as LiteTuple[]).map(([id, idNumber, name, relation, birth]) => ({ id, id_number: idNumber, name, relation, birth_date: birth })),
      size: Number(size), births: births === '' ? [] : births.split(','),
    });
  }
  return out;
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

/** The import's number (its cases' source keys and the audit entry's id). */
export async function newStage(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ id: string }>`select nextval('caseload_stage_seq') as id`.execute(db);
  return Number(rows[0]!.id);
}
