import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePrefix } from '../../../kernel/like.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { CaseDecisionTable, CaseTable, CaseTransitionTable, EntitlementTable } from '../tables.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import type { Phase } from '../../../workflow/definition.ts';
import type { CaseKey } from './roots.ts';
import type { RuleSet } from '../../../policy/index.ts';

export type CaseRow = Selectable<CaseTable>;
export type TransitionRow = Selectable<CaseTransitionTable>;
export type DecisionRow = Selectable<CaseDecisionTable>;

/** The programme's prefix + county (6) + year (4) + 6 digits. */
export async function nextCaseNo(tx: Kysely<DB>, serialPrefix: string, countyCode: string, year: string): Promise<string> {
  return nextSerialNo(tx, serialPrefix, countyCode, year);
}

export async function insertCase(tx: Kysely<DB>, row: Insertable<CaseTable>): Promise<number> {
  return (await tx.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow()).id;
}


export async function lockCase(tx: Kysely<DB>, countyCode: string, id: number): Promise<CaseRow> {
  return tx.selectFrom('cases').selectAll().where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function updateCase(tx: Kysely<DB>, c: CaseRow, patch: Updateable<CaseTable>): Promise<void> {
  await tx.updateTable('cases').set({ ...patch, version: c.version + 1, updated_at: new Date() }).where('county_code', '=', c.county_code).where('id', '=', c.id).execute();
}

export async function casesOfHouseholdIn(db: Kysely<DB>, scope: Scope, countyCode: string, householdId: number, phases: readonly Phase[]): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('county_code', '=', countyCode).where('household_id', '=', householdId).where('phase', 'in', phases).where(inScope(scope, 'cases.area_code')).orderBy('id').execute();
}

/** Open cases of a programme for the household (or, with `applicantMemberId`, for that person): not closed and not a granted claim. */
export async function openCases(db: Kysely<DB>, countyCode: string, householdId: number, programme: string, applicantMemberId?: number): Promise<CaseRow[]> {
  let q = db.selectFrom('cases').selectAll().where('county_code', '=', countyCode).where('household_id', '=', householdId).where('programme', '=', programme)
    .where('phase', 'in', ['pending', 'payable', 'suspended']);
  if (applicantMemberId !== undefined) q = q.where('applicant_member_id', '=', applicantMemberId);
  return q.execute();
}

export async function insertEntitlement(tx: Kysely<DB>, row: Insertable<EntitlementTable>): Promise<void> {
  await tx.insertInto('entitlements').values(row).execute();
}

/** The latest entitlement of a case (what is paid now, or the stop). */
export async function latestEntitlement(db: Kysely<DB>, countyCode: string, caseId: number) {
  return db.selectFrom('entitlements').selectAll().where('county_code', '=', countyCode).where('case_id', '=', caseId).orderBy('from_month', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function listTransitions(db: Kysely<DB>, key: CaseKey): Promise<TransitionRow[]> {
  return db.selectFrom('case_transitions').selectAll().where('county_code', '=', key.countyCode).where('case_id', '=', key.caseId).orderBy('seq').execute();
}

export async function insertTransition(tx: Kysely<DB>, row: Insertable<CaseTransitionTable>): Promise<number> {
  return (await tx.insertInto('case_transitions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertDecision(tx: Kysely<DB>, row: Insertable<CaseDecisionTable>): Promise<number> {
  return (await tx.insertInto('case_decisions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}


/** Every case of a household (any programme, any state), newest first, with its latest decision. */
export async function casesOfHousehold(db: Kysely<DB>, countyCode: string, householdId: number) {
  return db
    .selectFrom('cases as c')
    .leftJoinLateral(
      (eb) => eb.selectFrom('case_decisions as d').select(['d.id', 'd.kind', 'd.amount_fen', 'd.effective_month', 'd.decided_on'])
        .whereRef('d.county_code', '=', 'c.county_code').whereRef('d.case_id', '=', 'c.id').orderBy('d.id', 'desc').limit(1).as('d'),
      (join) => join.onTrue(),
    )
    .select(['c.id', 'd.id as decision_id', 'c.case_no', 'c.programme', 'c.rule_set', 'c.state', 'c.phase', 'c.applicant_name', 'c.applied_on', 'c.state_since', 'c.due_date', 'c.review_due', 'c.flags',
      'd.kind as decision_kind', 'd.amount_fen', 'd.effective_month', 'd.decided_on'])
    .where('c.county_code', '=', countyCode)
    .where('c.household_id', '=', householdId)
    .orderBy('c.applied_on', 'desc').orderBy('c.id', 'desc')
    .execute();
}

export interface CaseListFilter {
  /** (programme, rule set, state) combinations; reviewDue: only when the review is due by `today`. */
  states?: { programme: string; ruleSet: RuleSet; state: string; reviewDue: boolean }[];
  /** true: only cases with a deadline passed before `today`; false: only cases without one. */
  overdue?: boolean;
  today: string;
  area?: string;
  programme?: string;
  /** A state code (of any programme that has it). */
  state?: string;
  /** Name prefix of the applicant, or (exactly) the applicant's ID number or the case number. */
  search?: { name: string } | { idNumber: string } | { caseNo: string };
  limit: number;
  /** Only cases not yet grouped into a county batch. */
  unbatched?: boolean;
  /** Keyset cursor: the last (due key, id) of the previous page. */
  after?: { due: string; id: number };
}

const dueKey = sql<string>`coalesce(least(cases.due_date, cases.final_due_date, cases.review_due)::text, '9999-12-31')`;

/** A deadline of the case (due date, final due date, review date) passed before `today`. */
const lateOn = (today: string) => sql<boolean>`(cases.due_date < ${today} or cases.final_due_date < ${today} or cases.review_due < ${today})`;

/** The cases matching the filters, in the caller's scope (no paging). */
function filtered(db: Kysely<DB>, scope: Scope, f: Omit<CaseListFilter, 'limit' | 'after'>) {
  let q = db
    .selectFrom('cases')
    .innerJoin('areas as v', 'v.code', 'cases.area_code')
    .where(inScope(scope, 'cases.area_code'));
  if (f.area) q = q.where(inArea(f.area, 'cases.area_code'));
  if (f.programme) q = q.where('cases.programme', '=', f.programme);
  if (f.state) q = q.where('cases.state', '=', f.state);
  if (f.search) {
    const s = f.search;
    q = 'name' in s ? q.where('cases.applicant_name', 'like', likePrefix(s.name))
      : 'idNumber' in s ? q.where('cases.applicant_id_number', '=', s.idNumber)
      : q.where('cases.county_code', '=', s.caseNo.slice(2, 8)).where('cases.case_no', '=', s.caseNo);
  }
  if (f.states) {
    const combos = f.states;
    q = combos.length === 0 ? q.where(sql<boolean>`false`) : q.where((eb) =>
      eb.or(
        combos.map((c) =>
          eb.and([
            eb('cases.programme', '=', c.programme),
            eb('cases.rule_set', '=', c.ruleSet),
            eb('cases.state', '=', c.state),
            ...(c.reviewDue ? [eb('cases.review_due', '<=', f.today)] : []),
          ]),
        ),
      ),
    );
  }
  if (f.overdue !== undefined) {
    const late = lateOn(f.today);
    q = q.where(f.overdue ? late : sql<boolean>`not coalesce(${late}, false)`);
  }
  if (f.unbatched) {
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('case_batch_members as m').select('m.case_id').whereRef('m.county_code', '=', 'cases.county_code').whereRef('m.case_id', '=', 'cases.id'))));
  }
  return q;
}

export async function listCases(db: Kysely<DB>, scope: Scope, f: CaseListFilter) {
  if (f.states?.length === 0) return [];
  let q = filtered(db, scope, f)
    .leftJoin('areas as t', 't.code', 'v.parent_code')
    .selectAll('cases')
    .select(['v.name as village_name', 't.name as township_name', dueKey.as('due_key')]);
  if (f.after) q = q.where(sql<boolean>`(${dueKey}, cases.id) > (${f.after.due}, ${f.after.id})`);
  return q.orderBy(dueKey).orderBy('cases.id').limit(f.limit).execute();
}

/** How many cases match, counting at most `cap` + 1 (more than `cap`: the caller says "cap+"). */
export async function countCases(db: Kysely<DB>, scope: Scope, f: Omit<CaseListFilter, 'limit' | 'after'>, cap: number): Promise<number> {
  if (f.states?.length === 0) return 0;
  const rows = filtered(db, scope, f).select('cases.id').limit(cap + 1);
  const r = await db.selectFrom(rows.as('x')).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many cases match, per programme and state, and of them how many are past a deadline (one grouped query). */
export async function countByState(db: Kysely<DB>, scope: Scope, f: Omit<CaseListFilter, 'limit' | 'after'>) {
  if (f.states?.length === 0) return [];
  return filtered(db, scope, f)
    .select(['cases.programme', 'cases.state', sql<number>`count(*)::int`.as('n'), sql<number>`(count(*) filter (where ${lateOn(f.today)}))::int`.as('late')])
    .groupBy(['cases.programme', 'cases.state'])
    .orderBy('cases.programme').orderBy('cases.state')
    .execute();
}

export async function householdSizes(db: Kysely<DB>, countyCode: string, householdIds: number[]): Promise<Map<number, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['household_id', db.fn.countAll<number>().as('n')]).where('county_code', '=', countyCode).where('household_id', 'in', householdIds).groupBy('household_id').execute();
  return new Map(rows.map((r) => [r.household_id, Number(r.n)]));
}

/** Cases by id in one query, only those in the caller's scope. */
export async function casesByIds(db: Kysely<DB>, scope: Scope, countyCode: string, ids: number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('cases').selectAll().where('county_code', '=', countyCode).where('id', 'in', ids).where(inScope(scope, 'cases.area_code')).execute();
}

/** The approval decision of each case (one query). */
export async function approvals(db: Kysely<DB>, countyCode: string, caseIds: number[]): Promise<Map<number, DecisionRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.selectFrom('case_decisions').selectAll().where('county_code', '=', countyCode).where('case_id', 'in', caseIds).where('kind', '=', 'approve').orderBy('id').execute();
  return new Map(rows.map((r) => [r.case_id, r]));
}

/** The cases of a village in a state (a public notice is read by the village's residents), only within the caller's scope. */
export async function villageCasesInState(db: Kysely<DB>, scope: Scope, villageCode: string, state: string): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('county_code', '=', villageCode.slice(0, 6)).where('area_code', '=', villageCode).where('state', '=', state)
    .where(inScope(scope, 'cases.area_code')).orderBy('id').execute();
}
