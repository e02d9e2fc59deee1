import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/engine.ts';
import { systemScope, userScope } from '../../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../../test/db.ts';
import { loadDemoHouseholds } from '../../registry/index.ts';
import { loadDemoRecipients } from './recipients.ts';

describe(`demo recipients (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await loadDemoHouseholds(db, systemScope('test'), { households: 600, seed: 'recipients' });
  });
  afterAll(() => db.close());

  const rows = async <T>(q: string) => (await sql<T>`${sql.raw(q)}`.execute(db.kysely)).rows;

  it('approves a share of households in scope, one decision each with a positive amount, and never twice', async () => {
    const duyun = userScope({ id: 1, username: 'x', role: 'county_approver', areaCode: '522701', department: null });
    const r = await loadDemoRecipients(db, duyun, { dibaoPerMille: 300, hardship: true, seed: 's', decidedOn: '2015-03-10' });
    const [households] = await rows<{ n: string }>("select count(*) as n from households where county_code = '522701'");
    expect(r.dibaoCases).toBeGreaterThan(Number(households!.n) * 0.2);
    expect(r.dibaoCases).toBeLessThan(Number(households!.n) * 0.4);
    const outside = await rows<{ n: string }>("select count(*) as n from cases where county_code <> '522701'");
    expect(Number(outside[0]!.n)).toBe(0);
    const bad = await rows<{ case_no: string }>(`
      select c.case_no from cases c
      left join case_decisions d on d.county_code = c.county_code and d.case_id = c.id
      group by c.case_no having count(d.id) <> 1 or min(d.amount_fen) <= 0 or min(d.effective_month) <> '2015-04'`);
    expect(bad).toEqual([]);
    // 特困 only for members marked three_nos, a person each
    const tk = await rows<{ ok: boolean }>(`
      select 'three_nos' = any(m.categories) as ok from cases c join members m on m.county_code = c.county_code and m.id = c.applicant_member_id where c.programme = 'hardship'`);
    expect(tk.length).toBe(r.hardshipCases);
    expect(tk.every((t) => t.ok)).toBe(true);
    const again = await loadDemoRecipients(db, duyun, { dibaoPerMille: 300, hardship: true, seed: 's', decidedOn: '2015-03-10' });
    expect(again).toEqual({ dibaoCases: 0, hardshipCases: 0 });
  });
});
