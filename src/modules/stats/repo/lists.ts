// The lists behind the warnings, read from the source tables for one area (scoped, keyset-paged).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { DibaoAssessmentParameters } from '../../policy/index.ts';
import { dibaoAssessmentQuery } from '../../policy/index.ts';

export type HouseholdWarning = 'poverty_uncovered' | 'eligible_uncovered' | 'near_dibao';

export interface HouseholdItem {
  id: number;
  household_no: string;
  village_code: string;
  village_name: string;
  hukou: string;
  head_name: string | null;
  persons: number;
  per_capita_income: number | null;
  poverty_file: boolean;
}

export const HOUSEHOLD_WARNINGS = ['eligible_uncovered', 'near_dibao', 'poverty_uncovered'] as const satisfies readonly HouseholdWarning[];

/** What puts a household (`h`, its assessment `t`) on a list. */
const WARNING_COND: Record<HouseholdWarning, RawBuilder<SqlBool>> = {
  poverty_uncovered: sql<SqlBool>`h.poverty_file`, eligible_uncovered: sql<SqlBool>`coalesce(t.eligible, false)`, near_dibao: sql<SqlBool>`coalesce(t.near_dibao, false)`,
};
/** No granted case covers the household. */
const UNCOVERED = sql<SqlBool>`not exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id and c.phase in ('payable', 'suspended'))`;

export interface UncoveredRow { county_code: string; household_id: number; village_code: string; kind: HouseholdWarning }

/**
 * The same lists as one query (for an INSERT … SELECT, e.g. 政策找人 tasks): every household under the area
 * (and the scope) on the list of each of `kinds`, one row per household and kind.
 */
export function uncoveredHouseholdsQuery(scope: Scope, f: { area: string; kinds: readonly HouseholdWarning[]; assessment: DibaoAssessmentParameters }): RawBuilder<UncoveredRow> {
  const selected = sql<SqlBool>`${inScope(scope, 'h.village_code')} and ${inArea(f.area, 'h.village_code')}`;
  const kinds = sql.join(f.kinds.map((k) => sql`(${k})`));
  const cond = sql.join(f.kinds.map((k) => sql`(k.kind = ${k} and ${WARNING_COND[k]})`), sql` or `);
  return sql<UncoveredRow>`
    with t as (${dibaoAssessmentQuery(null, f.assessment, selected)})
    select h.county_code, h.id as household_id, h.village_code, k.kind
    from households h cross join (values ${kinds}) as k (kind)
    left join t on t.county_code = h.county_code and t.household_id = h.id
    where ${selected} and (${cond}) and ${UNCOVERED}`;
}

/** Households not covered by a granted case: with a poverty file, or — by the dibao formula's twin (policy module) — eligible or near-低保. */
export async function uncoveredHouseholds(db: Kysely<DB>, scope: Scope, f: { area: string; kind: HouseholdWarning; assessment: DibaoAssessmentParameters; limit: number; after: number | undefined }): Promise<HouseholdItem[]> {
  const cond = WARNING_COND[f.kind];
  const selected = sql<SqlBool>`${inScope(scope, 'h.village_code')} and ${inArea(f.area, 'h.village_code')} and h.id > ${f.after ?? 0}`;
  const { rows } = await sql<HouseholdItem>`
    with t as (${dibaoAssessmentQuery(null, f.assessment, selected)})
    select h.id, h.household_no, h.village_code, a.name as village_name, h.hukou, h.poverty_file,
      (select m.name from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' limit 1) as head_name,
      (select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id)::int as persons,
      t.per_capita_income
    from households h join areas a on a.code = h.village_code
    left join t on t.county_code = h.county_code and t.household_id = h.id
    where ${selected} and ${cond} and ${UNCOVERED}
    order by h.id limit ${f.limit}`.execute(db);
  return rows;
}

export interface OverdueCaseItem {
  id: number;
  case_no: string;
  programme: string;
  state: string;
  area_code: string;
  village_name: string;
  applicant_name: string;
  due: string;
}

export async function overdueCases(db: Kysely<DB>, scope: Scope, f: { area: string; asOf: string; limit: number; after: number | undefined }): Promise<OverdueCaseItem[]> {
  const { rows } = await sql<OverdueCaseItem>`
    select c.id, c.case_no, c.programme, c.state, c.area_code, a.name as village_name, c.applicant_name,
      least(c.due_date, c.final_due_date, c.review_due)::text as due
    from cases c join areas a on a.code = c.area_code
    where ${inScope(scope, 'c.area_code')} and ${inArea(f.area, 'c.area_code')} and c.id > ${f.after ?? 0}
      and least(c.due_date, c.final_due_date, c.review_due) < ${f.asOf}
    order by c.id limit ${f.limit}`.execute(db);
  return rows;
}

export interface OverdueReferralItem {
  id: number;
  request_no: string;
  area_code: string;
  person_name: string;
  department: string | null;
  need: string;
  status: string;
  due: string;
}

export async function overdueReferrals(db: Kysely<DB>, scope: Scope, f: { area: string; asOf: string; limit: number; after: number | undefined }): Promise<OverdueReferralItem[]> {
  const { rows } = await sql<OverdueReferralItem>`
    select p.id, r.request_no, r.area_code, r.person_name, p.department, p.need, p.status, p.due_date::text as due
    from intake_parts p join intake_requests r on r.county_code = p.county_code and r.id = p.request_id
    where ${inScope(scope, 'r.area_code')} and ${inArea(f.area, 'r.area_code')} and p.id > ${f.after ?? 0}
      and p.closed_on is null and p.due_date < ${f.asOf}
    order by p.id limit ${f.limit}`.execute(db);
  return rows;
}

/** Granted cases carrying a flag: a rescreen warning, or a staff/cadre relative (关系保). */
export async function flaggedCases(db: Kysely<DB>, scope: Scope, f: { area: string; flags: readonly string[]; limit: number; after: number | undefined }): Promise<OverdueCaseItem[]> {
  const { rows } = await sql<OverdueCaseItem>`
    select c.id, c.case_no, c.programme, c.state, c.area_code, a.name as village_name, c.applicant_name,
      coalesce(least(c.due_date, c.final_due_date, c.review_due)::text, '') as due
    from cases c join areas a on a.code = c.area_code
    where ${inScope(scope, 'c.area_code')} and ${inArea(f.area, 'c.area_code')} and c.id > ${f.after ?? 0}
      and c.flags && cast(${`{${f.flags.join(',')}}`} as text[]) and c.phase in ('payable', 'suspended')
    order by c.id limit ${f.limit}`.execute(db);
  return rows;
}
