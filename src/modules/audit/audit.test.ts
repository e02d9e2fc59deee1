import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { verifyChains as verifyChain } from './verify.ts';
import { appendAudit } from '../../kernel/audit/append.ts';

describe(`audit hash chain (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    for (let i = 0; i < 5; i++) {
      await db.kysely.transaction().execute((tx) =>
        appendAudit(tx, systemScope('test'), { action: 'test.write', entity: 'probe', entityId: String(i), areaCode: '522701', before: { amount: i, at: new Date('2015-12-01T00:00:00Z') }, after: { amount: i + 1, nested: { z: 1, a: [1, 'x'] } } }),
      );
    }
  });
  afterAll(() => db.close());

  it('verifies an untouched chain', async () => {
    const r = await verifyChain(db.kysely);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses updates and deletes of audit rows', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });

  it('names the first edited row when someone bypasses the trigger', async () => {
    const rows = await db.kysely.selectFrom('audit_log').select('id').where('entity', '=', 'probe').orderBy('id').execute();
    const target = rows[2]?.id;
    if (target === undefined) throw new Error('fixture missing');
    await db.execScript(`alter table audit_log disable trigger audit_log_no_update;
      update audit_log set after = '{"amount": 999}' where id = ${target};
      alter table audit_log enable trigger audit_log_no_update;`);
    const r = await verifyChain(db.kysely);
    expect(r).toMatchObject({ ok: false, firstBrokenId: target });
    expect(r.reason).toMatch(/edited/);
  });

  it('names the row after a deleted one', async () => {
    const rows = await db.kysely.selectFrom('audit_log').select('id').where('entity', '=', 'probe').orderBy('id').execute();
    const [first, second] = rows;
    if (!first || !second) throw new Error('fixture missing');
    await db.execScript(`alter table audit_log disable trigger audit_log_no_update; delete from audit_log where id = ${first.id}; alter table audit_log enable trigger audit_log_no_update;`);
    const gap = await verifyChain(db.kysely);
    expect(gap).toMatchObject({ ok: false, firstBrokenId: second.id });
    expect(gap.reason).toMatch(/removed/);
  });
});
