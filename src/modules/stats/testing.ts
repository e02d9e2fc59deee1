// Hand-built rows for the stats tests: households, members, cases, decisions written straight into
// the tables (the workflow engine is not under test here; the figures are).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
}

export async function addCase(db: Kysely<DB>, householdId: number, village: string, programme: 'dibao' | 'hardship', state: string, opts: { dueDate?: string; supportMode?: 'institutional' | 'home_based' } = {}): Promise<number> {
  const county = village.slice(0, 6);
  const head = await sql<{ id: number }>`select id from members where county_code = ${county} and household_id = ${householdId} order by id limit 1`.execute(db);
  const { rows } = await sql<{ id: number }>`insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, applied_on, state_since, due_date)
    values (${county}, ${`${programme === 'dibao' ? 'DB' : 'TK'}${county}2015${String(++serial).padStart(6, '0')}`}, ${programme}, 'cn-2012', ${householdId}, ${village}, ${head.rows[0]!.id}, '申请人', 'X', ${state}, '2014-01-01', '2014-01-01', ${opts.dueDate ?? null})
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

export async function addDecision(db: Kysely<DB>, county: string, caseId: number, d: DecisionSpec): Promise<void> {
  const tr = await transition(db, county, caseId, d.kind, {});
  const explanation = d.members ? { formula: 'dibao_benefit', value: { members: d.members } } : { demo: true };
  await sql`insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, explanation)
    values (${county}, ${caseId}, ${tr}, ${d.kind}, ${`${d.month}-01`}::date - 1, ${d.month}, ${d.endMonth ?? null}, ${d.amount ?? null}, cast(${JSON.stringify(explanation)} as jsonb))`.execute(db);
}

/** The first `n` villages under `township` (codes from the areas table). */
export async function villagesOf(db: Kysely<DB>, township: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom('areas').select('code').where('parent_code', '=', township).orderBy('code').limit(n).execute();
  return rows.map((r) => r.code);
}
