// Test helpers of the placements module: 特困 households and cases made quickly, entitlements with the
// programme's summary (institutional or not), stays written straight into the table for hand-built sets.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { makeHousehold } from '../cases/testing.ts';
import { addCase } from '../payroll/testing.ts';

let born = 0;
/** A one-elder rural household of 广惠社区 (a new ID number each time) and its id. */
export async function elderHousehold(db: Database, built: BuiltApp, token: string) {
  const day = String(1 + (born % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(born / 28) % 12).padStart(2, '0');
  born++;
  const elder = memberInput({ idNumber: idNumber(`1940-${month}-${day}`, born % 2 ? 'female' : 'male'), name: `杨${'甲乙丙丁戊己庚辛壬癸'[born % 10]}${'春夏秋冬梅兰竹菊'[Math.floor(born / 10) % 8]}`, hukou: 'rural', workCapacity: 'none' });
  const h = await makeHousehold(built, token, '522701001001', { hukou: 'rural', members: [elder] });
  const row = await db.kysely.selectFrom('households').select(['id']).where('household_no', '=', h.householdNo).executeTakeFirstOrThrow();
  return { householdNo: h.householdNo, idNumber: String(elder.idNumber), householdId: Number(row.id) };
}

/** A 特困 case (approved) of a new elder with the given context. */
export async function hardshipCase(db: Database, built: BuiltApp, token: string, context: Record<string, unknown> = {}) {
  const h = await elderHousehold(db, built, token);
  const c = await addCase(db, { county: '522701', householdId: h.householdId, programme: 'hardship' });
  await sql`update cases set context = ${JSON.stringify(context)}::jsonb where county_code = '522701' and id = ${c.caseId}`.execute(db.kysely);
  const row = await db.kysely.selectFrom('cases').select(['case_no', 'applicant_member_id', 'area_code']).where('county_code', '=', '522701').where('id', '=', c.caseId).executeTakeFirstOrThrow();
  return { ...h, caseId: c.caseId, caseNo: row.case_no, memberId: Number(row.applicant_member_id), areaCode: row.area_code };
}

/** A 特困 decision from a month with its entitlement (summary.institutional), or an exit (0) from a month. */
export async function hardshipEntitlement(db: Database, caseId: number, d: { month: string; institutional?: boolean; exit?: boolean }) {
  await db.kysely.transaction().execute(async (tx) => {
    const seq = await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from case_transitions where county_code = '522701' and case_id = ${caseId}`.execute(tx);
    const kind = d.exit ? 'exit' : 'approve';
    const tr = await sql<{ id: number }>`
      insert into case_transitions (county_code, case_id, seq, action, from_state, to_state, on_date, actor_name, actor_role)
      values ('522701', ${caseId}, ${seq.rows[0]!.n}, ${kind}, 'approved', 'approved', '2014-01-01', 'test', 'county_approver') returning id`.execute(tx);
    const dec = await sql<{ id: number }>`
      insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, amount_fen, reason)
      values ('522701', ${caseId}, ${tr.rows[0]!.id}, ${kind}, '2014-01-01', ${d.month}, ${d.exit ? null : 20_000}, 'test') returning id`.execute(tx);
    await sql`
      insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
      select c.county_code, 'hardship', c.id, ${dec.rows[0]!.id}::bigint, c.household_id, c.area_code, 'person', c.applicant_member_id, 'monthly',
        ${d.month}::text, null, ${d.exit ? 0 : 20_000}::bigint, ${d.exit ? 0 : 1}::int, ${JSON.stringify(d.exit ? {} : { institutional: d.institutional ? 1 : 0 })}::jsonb,
        'recipient', 'transfer', c.applicant_name, c.applicant_id_number
      from cases c where c.county_code = '522701' and c.id = ${caseId}`.execute(tx);
  });
}

/** A stay written straight into the table (hand-built occupancy sets). */
export async function insertStay(db: Database, c: { caseId: number; householdId: number; memberId: number; areaCode: string }, institutionId: number, admittedOn: string, dischargedOn: string | null) {
  await db.kysely.insertInto('institution_placements').values({
    county_code: '522701', institution_id: institutionId, case_id: c.caseId, household_id: c.householdId, member_id: c.memberId, area_code: c.areaCode,
    status: dischargedOn ? 'discharged' : 'admitted', requested_on: admittedOn, admitted_on: admittedOn, discharged_on: dischargedOn, discharge_kind: dischargedOn ? 'discharge' : null,
  }).execute();
}
