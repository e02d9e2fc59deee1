// Hand-built rows for the stats tests: households, members, cases, decisions written straight into
// the tables (the workflow engine is not under test here; the figures are).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { programmeOf } from '../../programmes/registry.ts';

let serial = 0;

export interface HouseholdSpec {
  village: string;
  hukou: 'urban' | 'rural';
  members: { categories?: string[] }[];
  agricultural?: boolean;
  povertyFile?: boolean;
  /** Monthly income items in fen. */
  monthlyIncome?: number;
}

export async function addHousehold(db: Kysely<DB>, h: HouseholdSpec): Promise<number> {
  const county = h.village.slice(0, 6);
  const no = `${county}T${String(++serial).padStart(8, '0')}${Math.random().toString(36).slice(2, 6)}`;
  const { rows } = await sql<{ id: number }>`insert into households (county_code, household_no, village_code, hukou, address, poverty_file, agricultural)
    values (${county}, ${no}, ${h.village}, ${h.hukou}, '测试地址', ${h.povertyFile ?? false}, ${h.agricultural ?? false}) returning id`.execute(db);
  const id = rows[0]!.id;
  for (const [i, m] of h.members.entries()) await addMember(db, county, id, i === 0 ? 'head' : 'child', m.categories ?? []);
  if (h.monthlyIncome) {
    await sql`insert into income_items (county_code, household_id, kind, amount_fen, period, source)
      values (${county}, ${id}, 'wage', ${h.monthlyIncome}, 'month', '测试')`.execute(db);
  }
  return id;
}

export async function addMember(db: Kysely<DB>, county: string, householdId: number, relation: string, categories: string[] = []): Promise<void> {
  await sql`insert into members (county_code, household_id, id_number, name, sex, birth_date, relation, hukou, work_capacity, categories)
    values (${county}, ${householdId}, ${`T${++serial}`}, ${`成员${serial}`}, 'male', '1970-01-01', ${relation}, 'rural', 'full', cast(${`{${categories.join(',')}}`} as text[]))`.execute(db);
}

export interface DecisionSpec {
  kind: 'approve' | 'change' | 'suspend' | 'resume' | 'exit' | 'gradual_exit';
  month: string;
  amount?: number;
  endMonth?: string;
  /** Per-member gap and top-up of a computed decision; omitted = a demo-style decision. */
  members?: { gap: number; topup: number }[];
  /** The entitlement's summary as the programme's benefit returned it (replaces the counted one). */
  summary?: Record<string, number>;
}

/** The phase the workflow engine writes for a state (the programmes' workflow.ts). */
function phaseOf(state: string): string {
  if (['approved', 'under_review', 'gradual_exit', 'termination_notice'].includes(state)) return 'payable';
  if (state === 'suspended' || state === 'granted') return state;
  if (['rejected', 'withdrawn', 'exited'].includes(state)) return 'terminal';
  return 'pending';
}


export async function addCase(db: Kysely<DB>, householdId: number, village: string, programme: string, state: string, opts: { dueDate?: string; supportMode?: 'institutional' | 'home_based' } = {}): Promise<number> {
  const county = village.slice(0, 6);
  const head = await sql<{ id: number }>`select id from members where county_code = ${county} and household_id = ${householdId} order by id limit 1`.execute(db);
  const context = opts.supportMode ? { support: { mode: opts.supportMode } } : {};
  const { rows } = await sql<{ id: number }>`insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, phase, context, applied_on, state_since, due_date)
    values (${county}, ${`${programmeOf(programme).serialPrefix}${county}2015${String(++serial).padStart(6, '0')}`}, ${programme}, 'cn-2012', ${householdId}, ${village}, ${head.rows[0]!.id}, '申请人', 'X', ${state}, ${phaseOf(state)}, cast(${JSON.stringify(context)} as jsonb), '2014-01-01', '2014-01-01', ${opts.dueDate ?? null})
    returning id`.execute(db);
  const id = rows[0]!.id;
  if (opts.supportMode) await transition(db, county, id, 'township_review', { supportMode: opts.supportMode });
  return id;
}

async function transition(db: Kysely<DB>, county: string, caseId: number, action: string, data: object): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into case_transitions (county_code, case_id, seq, action, to_state, on_date, actor_name, actor_role, data)
    values (${county}, ${caseId}, (select coalesce(max(seq), 0) + 1 from case_transitions where county_code = ${county} and case_id = ${caseId}), ${action}, 'x', '2014-01-01', '测试', 'county_approver', cast(${JSON.stringify(data)} as jsonb))
    returning id`.execute(db);
  return rows[0]!.id;
}

interface CaseRow { programme: string; household_id: number; area_code: string; applicant_member_id: number; context: { support?: { mode?: string } } }

/** What the entitlement of an amount decision counts (as the programme's benefit freezes it; a demo-style decision as the demo loader counts it). */
async function counted(db: Kysely<DB>, county: string, c: CaseRow, d: DecisionSpec): Promise<{ persons: number; summary: Record<string, number> }> {
  if (c.programme === 'hardship') return { persons: 1, summary: { institutional: c.context.support?.mode === 'institutional' ? 1 : 0 } };
  if (d.members) return { persons: d.members.length, summary: { gap: d.members.reduce((a, m) => a + m.gap, 0), topup: d.members.filter((m) => m.topup > 0).length } };
  const { rows } = await sql<{ n: number; topup: number }>`select count(*)::int as n,
      (count(*) filter (where cardinality(m.categories) > 0 or m.serious_illness or m.student or m.disability_grade <= 2))::int as topup
    from members m where m.county_code = ${county} and m.household_id = ${c.household_id}`.execute(db);
  return { persons: rows[0]!.n, summary: { gap: d.amount ?? 0, topup: rows[0]!.topup } };
}

/** A decision and the entitlement it writes (src/modules/cases/service/effects.ts): an amount, a stop (0), or a gradual exit continuing the amount in force. */
export async function addDecision(db: Kysely<DB>, county: string, caseId: number, d: DecisionSpec): Promise<void> {
  const tr = await transition(db, county, caseId, d.kind, {});
  const explanation = d.members ? { formula: 'dibao_benefit', value: { members: d.members } } : { demo: true };
  const { rows } = await sql<{ id: number }>`insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, explanation)
    values (${county}, ${caseId}, ${tr}, ${d.kind}, ${`${d.month}-01`}::date - 1, ${d.month}, ${d.endMonth ?? null}, ${d.amount ?? null}, cast(${JSON.stringify(explanation)} as jsonb))
    returning id`.execute(db);
  const c = (await sql<CaseRow>`select programme, household_id, area_code, applicant_member_id, context from cases where county_code = ${county} and id = ${caseId}`.execute(db)).rows[0]!;
  let e: { amount: number; persons: number; summary: Record<string, number> };
  if (d.kind === 'suspend' || d.kind === 'exit') e = { amount: 0, persons: 0, summary: {} };
  else if (d.kind === 'gradual_exit') {
    const last = (await sql<{ amount_fen: number; persons: number; summary: Record<string, number> }>`select amount_fen, persons, summary from entitlements
      where county_code = ${county} and case_id = ${caseId} order by from_month desc, id desc limit 1`.execute(db)).rows[0]!;
    e = { amount: Number(last.amount_fen), persons: last.persons, summary: last.summary };
  } else {
    const count = await counted(db, county, c, d);
    e = { amount: d.amount ?? 0, persons: count.persons, summary: d.summary ?? count.summary };
  }
  await insertEntitlement(db, county, c, { decisionId: rows[0]!.id, caseId, schedule: 'monthly', from: d.month, to: d.kind === 'gradual_exit' ? d.endMonth ?? null : null, ...e });
}

export interface ClaimSpec {
  month: string;
  amount: number;
  persons: number;
  summary?: Record<string, number>;
}

/** A granted claim of a one-off programme: the case, its decision and its one-off entitlement of the month. */
export async function addClaim(db: Kysely<DB>, householdId: number, village: string, programme: string, claim: ClaimSpec): Promise<number> {
  const county = village.slice(0, 6);
  const caseId = await addCase(db, householdId, village, programme, 'granted');
  const tr = await transition(db, county, caseId, 'approve', {});
  const { rows } = await sql<{ id: number }>`insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, amount_fen, explanation)
    values (${county}, ${caseId}, ${tr}, 'approve', ${`${claim.month}-10`}, ${claim.month}, ${claim.amount}, '{}') returning id`.execute(db);
  const c = (await sql<CaseRow>`select programme, household_id, area_code, applicant_member_id, context from cases where county_code = ${county} and id = ${caseId}`.execute(db)).rows[0]!;
  await insertEntitlement(db, county, c, { decisionId: rows[0]!.id, caseId, schedule: 'one_off', from: claim.month, to: claim.month, amount: claim.amount, persons: claim.persons, summary: claim.summary ?? {} });
  return caseId;
}

async function insertEntitlement(db: Kysely<DB>, county: string, c: CaseRow, e: { decisionId: number; caseId: number; schedule: 'monthly' | 'one_off'; from: string; to: string | null; amount: number; persons: number; summary: Record<string, number> }): Promise<void> {
  const person = c.programme !== 'dibao';
  await sql`insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
      from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
    values (${county}, ${c.programme}, ${e.caseId}, ${e.decisionId}, ${c.household_id}, ${c.area_code}, ${person ? 'person' : 'household'}, ${person ? c.applicant_member_id : c.household_id}, ${e.schedule},
      ${e.from}, ${e.to}, ${e.amount}, ${e.persons}, cast(${JSON.stringify(e.summary)} as jsonb), 'recipient', 'transfer', '申请人', 'X')`.execute(db);
}

/** The first `n` villages under `township` (codes from the areas table). */
export async function villagesOf(db: Kysely<DB>, township: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom('areas').select('code').where('parent_code', '=', township).orderBy('code').limit(n).execute();
  return rows.map((r) => r.code);
}
