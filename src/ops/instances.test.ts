// Several instances on one database (issue #24, item 4): a scheduled job's slot is run by one instance only, a dead
// instance's claim is taken over, a stopping instance releases its claim, and a parameter changed through one
// instance is seen by another. On PostgreSQL each instance is a connection pool of its own, as in two processes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../kernel/scope.ts';
import { addValue, databaseParameterSet } from '../modules/policy/index.ts';
import { scheduledRescreen } from '../modules/verification/service/schedule.ts';
import { openDatabase, type Database } from '../db/engine.ts';
import { claimRun, runOnce } from '../db/job-runs.ts';
import { ENGINE, testDatabaseAt } from '../test/db.ts';

let a: Database;
let b: Database;
let url: string | null;

beforeAll(async () => {
  ({ db: a, url } = await testDatabaseAt());
  // The second instance: another pool on the same database (PGlite has one process: the same database).
  b = url ? await openDatabase({ databaseUrl: url }) : a;
});
afterAll(async () => {
  if (b !== a) await b.close();
  await a.close();
});

const runs = async (db: Database, job: string) => (await sql<{ slot: string; instance: string; outcome: string | null }>`select slot, instance, outcome from job_runs where job = ${job} order by slot`.execute(db.kysely)).rows;

describe(`scheduled jobs on two instances (${ENGINE})`, () => {
  it('one claim per slot however many instances race; a finished slot is never run again', async () => {
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimRun(i % 2 === 0 ? a : b, 'race', '2026-12-07', { staleAfterMs: 60_000, instance: `i${i}` })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    let ran = 0;
    const done = await Promise.all([a, b, a].map((db, i) => runOnce(db, 'once', '2026-12-07', async () => ++ran, { staleAfterMs: 60_000, instance: `r${i}` })));
    expect(ran).toBe(1);
    expect(done.filter((d) => d !== null)).toEqual([{ result: 1 }]);
    expect(await runOnce(b, 'once', '2026-12-07', async () => ++ran, { staleAfterMs: 0, instance: 'late' })).toBeNull();
    expect(await runs(a, 'once')).toEqual([{ slot: '2026-12-07', instance: expect.stringMatching(/^r\d$/), outcome: 'ok' }]);
  });

  it("a dead instance's claim is taken over once its heartbeat is stale; a stopping instance releases at once", async () => {
    expect(await claimRun(a, 'takeover', 'd1', { staleAfterMs: 60_000, instance: 'dies' })).toBe(true);
    expect(await claimRun(b, 'takeover', 'd1', { staleAfterMs: 60_000, instance: 'other' })).toBe(false);
    // Its heart stopped two minutes ago.
    await sql`update job_runs set heartbeat_at = now() - interval '2 minutes' where job = 'takeover'`.execute(a.kysely);
    expect(await claimRun(b, 'takeover', 'd1', { staleAfterMs: 60_000, instance: 'other' })).toBe(true);

    let release: (() => Promise<void>) | null = null;
    const stopping = runOnce(a, 'takeover', 'd2', async () => {
      await release?.();
      throw new Error('database closed under the job');
    }, { staleAfterMs: 60_000, instance: 'stopping', onClaim: (run) => (release = run.release) });
    await expect(stopping).rejects.toThrow('database closed under the job');
    // Released, not finished: another instance runs the slot without waiting for the heartbeat to go stale.
    expect(await runOnce(b, 'takeover', 'd2', async () => 'ran', { staleAfterMs: 60_000, instance: 'next' })).toEqual({ result: 'ran' });
  });

  it('the daily rescreen runs once when two instances fire at the same time', async () => {
    const logs: string[] = [];
    const before = Number((await sql<{ n: number }>`select count(*) as n from verification_rescreens`.execute(a.kysely)).rows[0]?.n);
    const ran = await Promise.all([scheduledRescreen(a, (m) => logs.push(`a ${m}`), undefined, '2026-12-08'), scheduledRescreen(b, (m) => logs.push(`b ${m}`), undefined, '2026-12-08')]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(logs.filter((l) => l.includes('run by another instance'))).toHaveLength(1);
    const after = Number((await sql<{ n: number }>`select count(*) as n from verification_rescreens`.execute(a.kysely)).rows[0]?.n);
    expect(after).toBe(before + 1);
  });
});

describe.runIf(ENGINE === 'postgres')('parameters changed through another instance', () => {
  it('are used by this instance at its next decision', async () => {
    const name = 'dibao.standard.rural';
    const before = await databaseParameterSet(b);
    expect(before.get(name, '522701', '2030-01-01').effective).toBe('2015-01-01');
    await addValue(a, systemScope('test'), name, { area: '522701', effective: '2030-01-01', value: 99_999, reference: '测试：另一实例修改' });
    // The notice travels after the commit: a few milliseconds.
    await expect.poll(async () => (await databaseParameterSet(b)).get(name, '522701', '2030-01-01').effective, { timeout: 5000 }).toBe('2030-01-01');
  });
});
