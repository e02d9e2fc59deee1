// Concurrent audited writes: a write in one county does not wait for an open transaction in another
// (PostgreSQL, two connections); writers of the same chain take turns and the chain stays linear; random
// interleavings of writers, rollbacks and a verify running meanwhile leave every chain intact (both engines).
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { AUDIT_STRIPES, chainKeyOf, GENESIS_HASH } from '../../kernel/audit/hash.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { verify } from './service.ts';

const scope = systemScope('test');
const sleep = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));

function append(tx: Kysely<DB>, areaCode: string | null, tag: string): Promise<number> {
  return appendAudit(tx, scope, { action: 'test.concurrent', entity: 'probe', entityId: tag, areaCode, after: { tag } });
}

/** A transaction that appends, then stays open until released. */
function openWriter(db: Database, areaCode: string, tag: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let appended!: (id: number) => void;
  const id = new Promise<number>((r) => (appended = r));
  const done = db.kysely.transaction().execute(async (tx) => {
    appended(await append(tx, areaCode, tag));
    await held;
  });
  return { id, release, done };
}

/** Every chain holding one of `ids`: entries in id order, each pointing to the one before, the head at the last. */
async function expectLinear(db: Database, ids: number[]): Promise<void> {
  const keys = (await db.kysely.selectFrom('audit_log').select('chain_key').distinct().where('id', 'in', ids).execute()).map((r) => r.chain_key);
  for (const key of keys) {
    const rows = await db.kysely.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).where('chain_key', '=', key).orderBy('id').execute();
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, ...rows.slice(0, -1).map((r) => r.hash)]);
    const head = await db.kysely.selectFrom('audit_chain_heads').selectAll().where('chain_key', '=', key).executeTakeFirstOrThrow();
    expect(head).toMatchObject({ last_id: rows[rows.length - 1]?.id, last_hash: rows[rows.length - 1]?.hash });
  }
}

describe(`concurrent audited writes (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it.skipIf(ENGINE !== 'postgres')('a write in another county commits while a county\'s transaction is open; one in the same county waits for it', async () => {
    const duyun = openWriter(db, '522701001', 'duyun-open');
    const first = await duyun.id;
    try {
      // 福泉市 (522702): with one global lock this waited until 都匀市's transaction ended, i.e. forever here.
      const other = db.kysely.transaction().execute((tx) => append(tx, '522702001', 'fuquan'));
      expect(await Promise.race([other, sleep(5000)])).toEqual(expect.any(Number));

      // 都匀市 again, in the open transaction's stripe (what a connection whose pid falls in that stripe writes):
      // waits on the chain's head, held by the open transaction.
      const open = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`.execute(db.kysely);
      const chain = `${chainKeyOf('522701001', new Date())}/${(open.rows[0]?.pid ?? -1) % AUDIT_STRIPES}`;
      const same = db.kysely.transaction().execute(async (tx) => {
        await sql`select set_config('jiuzhu.audit_chain', ${chain}, true)`.execute(tx);
        return append(tx, '522701002', 'duyun-second');
      });
      expect(await Promise.race([same.then(() => 'committed'), sleep(500)])).toBe('timeout');
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%audit_chain_heads%'`.execute(db.kysely);
      expect(waiting.rows[0]?.n).toBe(1);

      duyun.release();
      await duyun.done;
      const second = await same;
      expect(second).toBeGreaterThan(first);
      const rows = await db.kysely.selectFrom('audit_log').select(['id', 'prev_hash', 'hash', 'chain_key']).where('id', 'in', [first, second]).orderBy('id').execute();
      expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
      expect(rows[0]?.chain_key).toBe(rows[1]?.chain_key);
      await expectLinear(db, [first, second]);
    } finally {
      duyun.release();
    }
    expect(await verify(db, scope)).toMatchObject({ ok: true, broken: [] });
  });

  it.skipIf(ENGINE !== 'postgres')('two transactions auditing two counties in opposite orders do not deadlock', async () => {
    const both = (a: string, b: string, tag: string) =>
      db.kysely.transaction().execute(async (tx) => {
        const x = await append(tx, a, `${tag}-1`);
        await sleep(200);
        return [x, await append(tx, b, `${tag}-2`)];
      });
    const [ab, ba] = await Promise.all([both('522722001', '522723001', 'ab'), both('522723001', '522722001', 'ba')]);
    // Each transaction stays in the chain of its first entry, so each held one head only.
    const chains = await db.kysely.selectFrom('audit_log').select(['id', 'chain_key']).where('id', 'in', [...ab, ...ba]).orderBy('id').execute();
    const chainOf = new Map(chains.map((r) => [r.id, r.chain_key]));
    expect(chainOf.get(ab[0] ?? 0)).toBe(chainOf.get(ab[1] ?? 0));
    expect(chainOf.get(ba[0] ?? 0)).toBe(chainOf.get(ba[1] ?? 0));
    expect(chainOf.get(ab[0] ?? 0)).not.toBe(chainOf.get(ba[0] ?? 0));
    await expectLinear(db, [...ab, ...ba]);
  });

  it('entries of one transaction in several areas join the chain of its first entry', async () => {
    const ids = await db.kysely.transaction().execute(async (tx) => [await append(tx, '522725001', 'multi-1'), await append(tx, null, 'multi-2'), await append(tx, '522700', 'multi-3')]);
    const rows = await db.kysely.selectFrom('audit_log').select(['chain_key', 'area_code']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows.map((r) => r.area_code)).toEqual(['522725001', null, '522700']);
    expect(new Set(rows.map((r) => r.chain_key)).size).toBe(1);
    expect(rows[0]?.chain_key).toMatch(/^522725\/\d{4}-\d{2}-\d{2}\/[0-3]$/);
    const alone = await db.kysely.transaction().execute((tx) => append(tx, null, 'global-alone'));
    expect((await db.kysely.selectFrom('audit_log').select('chain_key').where('id', '=', alone).executeTakeFirstOrThrow()).chain_key).toMatch(/^global\//);
    await expectLinear(db, [...ids, alone]);
  });

  it('random interleavings of writers, rollbacks and a verify meanwhile leave every chain linear and verified', async () => {
    const AREAS = ['522701001', '522701002001', '522702001', '522722', '522700', null] as const;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ area: fc.constantFrom(...AREAS), holdMs: fc.integer({ min: 0, max: 8 }), entries: fc.integer({ min: 1, max: 3 }), rollback: fc.boolean() }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 9 }),
        async (writers, verifyAfter) => {
          run++;
          const committed: number[] = [];
          const writes = writers.map((w, i) =>
            db.kysely.transaction().execute(async (tx) => {
              const ids: number[] = [];
              for (let e = 0; e < w.entries; e++) ids.push(await append(tx, w.area, `run${run}-w${i}-e${e}`));
              await sleep(w.holdMs);
              if (w.rollback) throw new Error('rolled back');
              committed.push(...ids);
            }),
          );
          const meanwhile = (async () => {
            await sleep(verifyAfter);
            return verify(db, scope);
          })();
          await Promise.allSettled(writes);
          // A verify racing the writers sees a consistent log (PostgreSQL: a snapshot; PGlite: heads caught up).
          expect(await meanwhile).toMatchObject({ ok: true, broken: [] });
          const kept = await db.kysely.selectFrom('audit_log').select('id').where('entity_id', 'like', `run${run}-%`).execute();
          expect(kept.map((r) => r.id).sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
          if (committed.length > 0) await expectLinear(db, committed);
        },
      ),
      { numRuns: ENGINE === 'postgres' ? 20 : 10 },
    );
    expect(await verify(db, scope)).toMatchObject({ ok: true, broken: [] });
  }, 120_000);
});
