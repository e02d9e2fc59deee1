// Migration 0070 on a database written by the previous version: the programmes table takes over the
// check constraints, each case gets its phase and the context its steps recorded, and every decision
// that set or stopped a payment becomes an entitlement with the numbers the statistics counted before.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';
import { ENGINE } from '../test/db.ts';
import { openDatabase, type Database } from './engine.ts';
import { migrate } from './migrate.ts';

async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://' });
  const name = `jiuzhu_m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(url, `create database ${name}`);
  const db = await openDatabase({ databaseUrl: withDatabase(url, name) });
  return { ...db, close: async () => { await db.close(); await dropDatabase(url, name); } };
}

describe(`migration 0070 on existing cases (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
    await migrate(db, { upTo: '0060' });
    await db.execScript(`
      insert into areas (code, name, level, parent_code, kind, prefecture_code, county_code) values
        ('522700', '黔南州', 'prefecture', null, 'standard', '522700', null),
        ('522701', '都匀市', 'county', '522700', 'standard', '522700', '522701'),
        ('522701001', '广惠街道', 'township', '522701', 'standard', '522700', '522701'),
        ('522701001001', '广惠社区', 'village', '522701001', 'standard', '522700', '522701');
      insert into households (county_code, id, household_no, village_code, hukou, address) values
        ('522701', 1, '52270100000001', '522701001001', 'urban', '广惠路1号'),
        ('522701', 2, '52270100000002', '522701001001', 'rural', '广惠路2号');
      insert into members (county_code, id, household_id, id_number, name, sex, birth_date, relation, hukou, work_capacity, categories) values
        ('522701', 11, 1, '522701198001010011', '甲', 'male', '1980-01-01', 'head', 'urban', 'full', '{}'),
        ('522701', 12, 1, '522701201001010012', '乙', 'female', '2010-01-01', 'child', 'urban', 'none', '{student}'),
        ('522701', 21, 2, '522701194001010021', '丙', 'male', '1940-01-01', 'head', 'rural', 'none', '{three_nos}');
      insert into cases (county_code, id, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, applied_on, state_since) values
        ('522701', 100, 'DB5227012015000001', 'dibao', 'cn-2012', 1, '522701001001', 11, '甲', '522701198001010011', 'suspended', '2015-01-05', '2015-06-01'),
        ('522701', 200, 'TK5227012015000001', 'hardship', 'cn-2012', 2, '522701001001', 21, '丙', '522701194001010021', 'approved', '2015-01-05', '2015-03-01'),
        ('522701', 300, 'DB5227012015000002', 'dibao', 'cn-2012', 1, '522701001001', 11, '甲', '522701198001010011', 'notice', '2015-07-01', '2015-07-20');
      insert into case_transitions (county_code, id, case_id, seq, action, from_state, to_state, on_date, actor_name, actor_role, data) values
        ('522701', 101, 100, 1, 'accept', null, 'accepted', '2015-01-05', 'w', 'township_caseworker', '{}'),
        ('522701', 102, 100, 2, 'verify_economic_status', 'visited', 'verified', '2015-01-10', 'w', 'township_caseworker', '{"result":"pass","note":"核对通过"}'),
        ('522701', 103, 100, 3, 'approve', 'county_notice', 'approved', '2015-02-20', 'c', 'county_approver', '{"stability":"unstable"}'),
        ('522701', 104, 100, 4, 'suspend', 'approved', 'suspended', '2015-06-01', 'c', 'county_approver', '{}'),
        ('522701', 201, 200, 1, 'township_review', 'assessed', 'notice', '2015-02-01', 'w', 'township_caseworker', '{"supportMode":"institutional","institutionId":7,"hasLegalSupporter":false,"supporterAble":false}'),
        ('522701', 202, 200, 2, 'approve', 'county_review', 'approved', '2015-03-01', 'c', 'county_approver', '{}'),
        ('522701', 301, 300, 1, 'record_objection', 'notice', 'notice', '2015-07-20', 'w', 'township_caseworker', '{"content":"有异议"}');
      insert into case_decisions (county_code, id, case_id, transition_id, kind, decided_on, effective_month, amount_fen, explanation) values
        ('522701', 105, 100, 103, 'approve', '2015-02-20', '2015-03', 60000,
          '{"value":{"members":[{"personId":"11","gap":25000,"topup":0},{"personId":"12","gap":25000,"topup":10000}]}}'),
        ('522701', 106, 100, 104, 'suspend', '2015-06-01', '2015-07', null, null),
        ('522701', 203, 200, 202, 'approve', '2015-03-01', '2015-04', 30000, '{"value":{}}');
    `);
    await migrate(db);
  });
  afterAll(() => db.close());

  it('each case gets the phase of its state and what its steps recorded', async () => {
    const { rows } = await sql<{ case_no: string; phase: string; context: Record<string, unknown> }>`select case_no, phase, context from cases order by id`.execute(db.kysely);
    expect(rows.map((r) => [r.case_no, r.phase])).toEqual([['DB5227012015000001', 'suspended'], ['TK5227012015000001', 'payable'], ['DB5227012015000002', 'pending']]);
    expect(rows[0]!.context).toEqual({ verification: { seq: 2, on: '2015-01-10', method: 'manual', result: 'pass' }, stability: 'unstable' });
    expect(rows[1]!.context).toEqual({ support: { mode: 'institutional', institutionId: 7, hasLegalSupporter: false, supporterAble: false } });
    expect(rows[2]!.context).toEqual({ objection: { seq: 1, on: '2015-07-20' } });
    const phases = await sql<{ id: string; to_phase: string }>`select id, to_phase from case_transitions where case_id = 100 order by seq`.execute(db.kysely);
    expect(phases.rows.map((r) => r.to_phase)).toEqual(['pending', 'pending', 'payable', 'suspended']);
  });

  it('every paying or stopping decision becomes an entitlement with the numbers the statistics counted', async () => {
    const { rows } = await sql<{ case_id: string; recipient_kind: string; recipient_id: string; from_month: string; until_month: string | null; amount_fen: string; persons: number; summary: unknown; payee_name: string }>`
      select case_id, recipient_kind, recipient_id, from_month, until_month, amount_fen, persons, summary, payee_name from entitlement_segments order by case_id, from_month`.execute(db.kysely);
    expect(rows.map((r) => ({ ...r, case_id: Number(r.case_id), recipient_id: Number(r.recipient_id), amount_fen: Number(r.amount_fen) }))).toEqual([
      { case_id: 100, recipient_kind: 'household', recipient_id: 1, from_month: '2015-03', until_month: '2015-06', amount_fen: 60000, persons: 2, summary: { gap: 50000, topup: 1 }, payee_name: '甲' },
      { case_id: 100, recipient_kind: 'household', recipient_id: 1, from_month: '2015-07', until_month: null, amount_fen: 0, persons: 0, summary: {}, payee_name: '甲' },
      { case_id: 200, recipient_kind: 'person', recipient_id: 21, from_month: '2015-04', until_month: null, amount_fen: 30000, persons: 1, summary: { institutional: 1 }, payee_name: '丙' },
    ]);
  });

  it('programmes are rows the cases point at: an unknown programme is refused by the database', async () => {
    await expect(sql`insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, applied_on, state_since)
      values ('522701', 'XX5227012015000001', 'no_such', 'cn-2012', 1, '522701001001', 11, '甲', '522701198001010011', 'accepted', '2015-01-05', '2015-01-05')`.execute(db.kysely)).rejects.toThrow(/foreign key/);
    await expect(sql`update entitlements set amount_fen = 1`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });
});
