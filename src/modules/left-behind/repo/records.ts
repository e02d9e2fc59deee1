// The SQL of 留守 records. A person is a member of the registry (members (county_code, id)); the records
// follow the person's household's village, so every read joins members → households → areas and filters on
// h.village_code (set-based reads of the registry's members and households: see README.md).
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Kind } from '../codes.ts';
import type { LeftBehindCarePlanTable, LeftBehindFollowUpTable, LeftBehindSurveyTable, LeftBehindVisitTable } from '../tables.ts';

export interface PersonRow {
  county_code: string; member_id: number; name: string; id_number: string; sex: string; birth_date: string;
  household_no: string; village_code: string; village_name: string;
}
export type SurveyRow = Omit<Selectable<LeftBehindSurveyTable>, 'created_at' | 'recorded_by'> & PersonRow;
export type PlanRow = Omit<Selectable<LeftBehindCarePlanTable>, 'created_at' | 'recorded_by'>;
export type VisitRow = Omit<Selectable<LeftBehindVisitTable>, 'created_at' | 'recorded_by'>;
export type FollowUpRow = Omit<Selectable<LeftBehindFollowUpTable>, 'created_at' | 'recorded_by'>;

const PERSON_COLS = sql`m.county_code, m.id::int8 as member_id, m.name, m.id_number, m.sex, m.birth_date, h.household_no, h.village_code, v.name as village_name`;
const PERSON_JOIN = sql`join households h on h.county_code = m.county_code and h.id = m.household_id join areas v on v.code = h.village_code`;
const SURVEY_COLS = sql`s.id, s.year, s.kind, s.away_place, s.away_since, s.guardian_name, s.guardian_relation, s.guardian_able, s.risks, s.surveyed_on, s.surveyed_by`;

const num = <T extends { member_id: number | string; id?: number | string }>(r: T): T => ({ ...r, member_id: Number(r.member_id), ...(r.id !== undefined ? { id: Number(r.id) } : {}) });

/** The member as a person, when the caller's scope covers their household's village. */
export async function personOf(db: Kysely<DB>, visible: Expression<SqlBool>, county: string, memberId: number): Promise<PersonRow | undefined> {
  const { rows } = await sql<PersonRow>`select ${PERSON_COLS} from members m ${PERSON_JOIN} where m.county_code = ${county} and m.id = ${memberId} and ${visible}`.execute(db);
  return rows[0] && num(rows[0]);
}

export async function hasSurvey(db: Kysely<DB>, county: string, memberId: number): Promise<boolean> {
  const row = await db.selectFrom('left_behind_surveys').select('id').where('county_code', '=', county).where('member_id', '=', memberId).executeTakeFirst();
  return row !== undefined;
}

export async function surveyExists(db: Kysely<DB>, county: string, memberId: number, kind: Kind, year: number): Promise<boolean> {
  const row = await db.selectFrom('left_behind_surveys').select('id').where('county_code', '=', county).where('member_id', '=', memberId).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
  return row !== undefined;
}

/** The kind of the person's latest survey (latest year, then day, then the last recorded). */
export async function latestSurveyKind(db: Kysely<DB>, county: string, memberId: number): Promise<Kind | undefined> {
  const row = await db.selectFrom('left_behind_surveys').select('kind').where('county_code', '=', county).where('member_id', '=', memberId)
    .orderBy('year', 'desc').orderBy('surveyed_on', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.kind;
}

export interface SurveyFilter { kind?: Kind | undefined; year?: number | undefined; after?: number | undefined; limit: number; county?: string; memberId?: number }

/** Surveys of the persons the filter `where` selects (`h.`: households, `m.`: members), newest first. */
export async function surveyPage(db: Kysely<DB>, where: Expression<SqlBool>[], f: SurveyFilter): Promise<SurveyRow[]> {
  const all = [...where];
  if (f.kind !== undefined) all.push(sql<SqlBool>`s.kind = ${f.kind}`);
  if (f.year !== undefined) all.push(sql<SqlBool>`s.year = ${f.year}`);
  if (f.after !== undefined) all.push(sql<SqlBool>`s.id < ${f.after}`);
  if (f.county !== undefined) all.push(sql<SqlBool>`s.county_code = ${f.county}`);
  if (f.memberId !== undefined) all.push(sql<SqlBool>`s.member_id = ${f.memberId}`);
  const { rows } = await sql<SurveyRow>`select ${PERSON_COLS}, ${SURVEY_COLS}
    from left_behind_surveys s join members m on m.county_code = s.county_code and m.id = s.member_id ${PERSON_JOIN}
    where ${sql.join(all, sql` and `)} order by s.id desc limit ${f.limit}`.execute(db);
  return rows.map(num);
}

/** The latest survey of every person the filter selects (the basis of the warnings). */
export async function latestSurveys(db: Kysely<DB>, where: Expression<SqlBool>[]): Promise<SurveyRow[]> {
  const { rows } = await sql<SurveyRow>`select distinct on (s.county_code, s.member_id) ${PERSON_COLS}, ${SURVEY_COLS}
    from left_behind_surveys s join members m on m.county_code = s.county_code and m.id = s.member_id ${PERSON_JOIN}
    where ${sql.join(where, sql` and `)} order by s.county_code, s.member_id, s.year desc, s.surveyed_on desc, s.id desc`.execute(db);
  return rows.map(num);
}

const PERSONS_OF = (where: Expression<SqlBool>[]) => sql`(x.county_code, x.member_id) in (select m.county_code, m.id from members m ${PERSON_JOIN} where ${sql.join(where, sql` and `)})`;

/** The plan in force of every person the filter selects (latest `from_on`, then latest recorded). */
export async function currentPlans(db: Kysely<DB>, where: Expression<SqlBool>[]): Promise<PlanRow[]> {
  const { rows } = await sql<PlanRow>`select distinct on (x.county_code, x.member_id) x.county_code, x.id, x.member_id, x.carer_kind, x.carer_name, x.visit_interval_days, x.from_on
    from left_behind_care_plans x where ${PERSONS_OF(where)} order by x.county_code, x.member_id, x.from_on desc, x.id desc`.execute(db);
  return rows.map(num);
}

/** Visits of the persons the filter selects, newest first; `latestOnly`: the last visit of each. */
export async function visitsOf(db: Kysely<DB>, where: Expression<SqlBool>[], latestOnly: boolean): Promise<VisitRow[]> {
  const cols = sql`x.county_code, x.id, x.member_id, x.visited_on, x.visited_by, x.findings, x.risks_found`;
  const { rows } = latestOnly
    ? await sql<VisitRow>`select distinct on (x.county_code, x.member_id) ${cols} from left_behind_visits x where ${PERSONS_OF(where)} order by x.county_code, x.member_id, x.visited_on desc, x.id desc`.execute(db)
    : await sql<VisitRow>`select ${cols} from left_behind_visits x where ${PERSONS_OF(where)} order by x.visited_on desc, x.id desc`.execute(db);
  return rows.map(num);
}

export async function followUpsOf(db: Kysely<DB>, where: Expression<SqlBool>[]): Promise<FollowUpRow[]> {
  const { rows } = await sql<FollowUpRow>`select x.county_code, x.id, x.member_id, x.warning, x.action, x.department, x.case_no, x.request_no, x.note, x.followed_on
    from left_behind_follow_ups x where ${PERSONS_OF(where)} order by x.followed_on desc, x.id desc`.execute(db);
  return rows.map(num);
}

/**
 * Per county of the persons the filter selects: persons by kind in the year's surveys and those of them with a
 * care plan begun by the year's end; visits and warning follow-ups made in the year.
 */
export async function countyCounts(db: Kysely<DB>, where: Expression<SqlBool>[], year: number) {
  const w = sql.join(where, sql` and `);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows: persons } = await sql<{ county_code: string; children: number; elders: number; women: number; persons: number; with_plans: number }>`
    select s.county_code,
      count(distinct s.member_id) filter (where s.kind = 'child')::int as children,
      count(distinct s.member_id) filter (where s.kind = 'elder')::int as elders,
      count(distinct s.member_id) filter (where s.kind = 'woman')::int as women,
      count(distinct s.member_id)::int as persons,
      count(distinct s.member_id) filter (where exists (select 1 from left_behind_care_plans p
        where p.county_code = s.county_code and p.member_id = s.member_id and p.from_on <= ${to}))::int as with_plans
    from left_behind_surveys s join members m on m.county_code = s.county_code and m.id = s.member_id ${PERSON_JOIN}
    where ${w} and s.year = ${year} group by s.county_code`.execute(db);
  const { rows: visits } = await sql<{ county_code: string; visits: number }>`
    select x.county_code, count(*)::int as visits
    from left_behind_visits x join members m on m.county_code = x.county_code and m.id = x.member_id ${PERSON_JOIN}
    where ${w} and x.visited_on between ${from} and ${to} group by x.county_code`.execute(db);
  const { rows: followUps } = await sql<{ county_code: string; follow_ups: number }>`
    select f.county_code, count(*)::int as follow_ups
    from left_behind_follow_ups f join members m on m.county_code = f.county_code and m.id = f.member_id ${PERSON_JOIN}
    where ${w} and f.followed_on between ${from} and ${to} group by f.county_code`.execute(db);
  return { persons, visits, followUps };
}
