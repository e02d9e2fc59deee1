// Entries written before the log was partitioned (one global chain, migration 0140 not yet applied) verify
// afterwards as the closed chain 'legacy', beside the new chains; tampering with them is still named.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import { migrate } from '../../db/migrate.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { chainHash, GENESIS_HASH, LEGACY_CHAIN } from '../../kernel/audit/hash.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { adminQuery, dropDatabase, withDatabase } from '../../test/fixture.ts';
import { verify } from './service.ts';

const scope = systemScope('test');

/** appendAudit as it was before migration 0140: one chain over the whole log. */
async function appendOldStyle(db: Database, i: number): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    const last = (await sql<{ hash: string }>`select hash from audit_log order by id desc limit 1`.execute(tx)).rows[0];
    const id = Number((await sql<{ id: string }>`select nextval('audit_log_id_seq') as id`.execute(tx)).rows[0]?.id);
    const fields = { id, at: new Date(Date.UTC(2026, 0, 1 + i)), actorId: null, actorName: 'old', action: 'test.old', entity: 'probe', entityId: String(i), areaCode: i % 2 ? '522701001' : null, before: null, after: { i } };
    const prev = last?.hash ?? GENESIS_HASH;
    await sql`insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, area_code, before, after, prev_hash, hash)
      values (${id}, ${fields.at}, null, 'old', 'test.old', 'probe', ${fields.entityId}, ${fields.areaCode}, null, cast(${JSON.stringify(fields.after)} as jsonb), ${prev}, ${chainHash(prev, fields)})`.execute(tx);
    return id;
  });
}

describe(`the entries before partitioning verify as the legacy chain (${ENGINE})`, () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const oldIds: number[] = [];
  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const name = `jiuzhu_t_legacy_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      await adminQuery(url, `create database ${name}`);
      db = await openDatabase({ databaseUrl: withDatabase(url, name) });
      cleanup = async () => {
        await db.close();
        await dropDatabase(url, name);
      };
    } else {
      db = await openDatabase({ dataDir: 'memory://' });
      cleanup = () => db.close();
    }
    await migrate(db, { upTo: '0139' });
    for (let i = 0; i < 6; i++) oldIds.push(await appendOldStyle(db, i));
    await migrate(db);
  }, 120_000);
  afterAll(() => cleanup());

  it('the old entries form the chain legacy, closed by its head; new entries chain beside it', async () => {
    const rows = await db.kysely.selectFrom('audit_log').select(['id', 'chain_key']).orderBy('id').execute();
    expect(rows).toEqual(oldIds.map((id) => ({ id, chain_key: LEGACY_CHAIN })));
    expect(await db.kysely.selectFrom('audit_chain_heads').select(['chain_key', 'last_id']).execute()).toEqual([{ chain_key: LEGACY_CHAIN, last_id: oldIds[5] }]);

    const fresh = await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, { action: 'test.new', entity: 'probe', areaCode: '522701001' }));
    const r = await verify(db, scope);
    expect(r).toMatchObject({ ok: true, checked: 7, chains: 2, broken: [] });
    expect((await db.kysely.selectFrom('audit_log').select('chain_key').where('id', '=', fresh).executeTakeFirstOrThrow()).chain_key).toMatch(/^522701\//);
  });

  it('the legacy head cannot be moved', async () => {
    await expect(sql`update audit_chain_heads set last_id = last_id - 1 where chain_key = 'legacy'`.execute(db.kysely)).rejects.toThrow(/only move forward/);
    await expect(sql`delete from audit_chain_heads`.execute(db.kysely)).rejects.toThrow(/only move forward/);
  });

  it('an edited legacy entry is named in the chain legacy', async () => {
    const target = oldIds[3];
    await db.execScript(`alter table audit_log disable trigger user; update audit_log set after = '{"i": 99}' where id = ${target}; alter table audit_log enable trigger user;`);
    const r = await verify(db, scope);
    expect(r).toMatchObject({ ok: false, firstBrokenId: target, chain: LEGACY_CHAIN, reason: expect.stringMatching(/edited/) });
    expect(r.broken).toHaveLength(1);
  });
});
