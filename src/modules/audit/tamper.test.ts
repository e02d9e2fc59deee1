// Tampering with the audit chains (someone with the database's owner rights, triggers disabled): each case
// works on a county chain of its own, and `verify` names the first broken entry of that chain and why.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { chainHash, GENESIS_HASH } from '../../kernel/audit/hash.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { verify } from './service.ts';
import type { ChainBreak } from './verify.ts';

const scope = systemScope('test');

/** Runs SQL with audit_log's and the heads' guards off, as a tamperer with owner rights would. */
async function tamper(db: Database, statements: string): Promise<void> {
  await db.execScript(`alter table audit_log disable trigger user; alter table audit_chain_heads disable trigger user;
    ${statements}
    alter table audit_log enable trigger user; alter table audit_chain_heads enable trigger user;`);
}

/** `n` entries in the county's chain of today, with an unused id between each two (room to forge one). */
async function appendMany(db: Database, county: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await sql`select nextval('audit_log_id_seq')`.execute(db.kysely);
    ids.push(await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, { action: 'test.write', entity: 'probe', entityId: `${county}-${i}`, areaCode: `${county}001`, before: { amount: i }, after: { amount: i + 1 } })));
  }
  return ids;
}

/** An entry forged after `prevId` with a hash an attacker computed correctly from its predecessor. */
async function forgedAfter(db: Database, prevId: number, id: number): Promise<string> {
  const prev = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', prevId).executeTakeFirstOrThrow();
  const at = new Date(prev.at.getTime() + 1);
  const fields = { id, at, actorId: null, actorName: 'forger', action: 'test.forged', entity: 'probe', entityId: 'x', areaCode: prev.area_code, before: null, after: { amount: 999 }, chainKey: prev.chain_key };
  return `insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, area_code, before, after, prev_hash, hash, chain_key)
    values (${id}, '${at.toISOString()}', null, 'forger', 'test.forged', 'probe', 'x', '${prev.area_code}', null, '{"amount": 999}', '${prev.hash}', '${chainHash(prev.hash, fields)}', '${prev.chain_key}');`;
}

interface Case {
  name: string;
  county: string;
  /** Tampers with the chain of entries `ids` (5 of them); returns the entry verify must name. */
  act: (db: Database, ids: number[]) => Promise<number>;
  reason: RegExp;
  /** The county of a second chain the case moves an entry to; `namedThere` when that chain names the break. */
  other?: string;
  namedThere?: boolean;
}

const at = (ids: number[], i: number): number => {
  const id = ids[i];
  if (id === undefined) throw new Error(`no entry ${i}`);
  return id;
};

const CASES: Case[] = [
  {
    name: 'a field edited',
    county: '522701',
    act: async (db, ids) => (await tamper(db, `update audit_log set after = '{"amount": 999}' where id = ${at(ids, 2)};`), at(ids, 2)),
    reason: /edited/,
  },
  {
    name: 'the actor rewritten',
    county: '522702',
    act: async (db, ids) => (await tamper(db, `update audit_log set actor_name = 'forger' where id = ${at(ids, 0)};`), at(ids, 0)),
    reason: /edited/,
  },
  {
    name: 'a middle entry deleted',
    county: '522722',
    act: async (db, ids) => (await tamper(db, `delete from audit_log where id = ${at(ids, 2)};`), at(ids, 3)),
    reason: /removed/,
  },
  {
    name: 'the first entry deleted',
    county: '522723',
    act: async (db, ids) => (await tamper(db, `delete from audit_log where id = ${at(ids, 0)};`), at(ids, 1)),
    reason: /removed/,
  },
  {
    name: 'the last entries deleted',
    county: '522725',
    act: async (db, ids) => (await tamper(db, `delete from audit_log where id in (${at(ids, 3)}, ${at(ids, 4)});`), at(ids, 4)),
    reason: /missing: entries were removed from its end/,
  },
  {
    name: "the chain's head deleted",
    county: '522799',
    act: async (db, ids) => (await tamper(db, `delete from audit_chain_heads where chain_key = (select chain_key from audit_log where id = ${at(ids, 0)});`), at(ids, 0)),
    reason: /no head/,
  },
  {
    name: 'two entries swapped',
    county: '522726',
    act: async (db, ids) => {
      const [a, b] = [at(ids, 1), at(ids, 2)];
      await tamper(db, `update audit_log set id = -1 where id = ${a}; update audit_log set id = ${a} where id = ${b}; update audit_log set id = ${b} where id = -1;`);
      return a;
    },
    reason: /reordered|edited/,
  },
  {
    name: 'an entry moved to another chain',
    county: '522727',
    act: async (db, ids) => (await tamper(db, `update audit_log set chain_key = '522728/' || substr(chain_key, 8) where id = ${at(ids, 1)};`), at(ids, 1)),
    reason: /moved to another chain/,
    other: '522728',
    namedThere: true,
  },
  {
    name: 'an entry moved to a chain of its own, re-hashed there with a head',
    county: '522729',
    other: '522730',
    act: async (db, ids) => {
      const e = await db.kysely.selectFrom('audit_log').selectAll().where('id', '=', at(ids, 1)).executeTakeFirstOrThrow();
      const chainKey = `522730${e.chain_key.slice(6)}`; // the same day and stripe
      const hash = chainHash(GENESIS_HASH, { id: e.id, at: e.at, actorId: e.actor_id, actorName: e.actor_name, action: e.action, entity: e.entity, entityId: e.entity_id, areaCode: e.area_code, before: e.before ?? null, after: e.after ?? null, chainKey });
      await tamper(db, `update audit_log set chain_key = '${chainKey}', prev_hash = '${GENESIS_HASH}', hash = '${hash}' where id = ${e.id};
        insert into audit_chain_heads values ('${chainKey}', ${e.id}, '${hash}');`);
      return at(ids, 2); // the moved entry is consistent where it is now; the gap it left is not
    },
    reason: /removed/,
  },
  {
    name: 'an entry forged at the end, with a correct hash',
    county: '522731',
    act: async (db, ids) => {
      const id = Number((await sql<{ id: string }>`select nextval('audit_log_id_seq') as id`.execute(db.kysely)).rows[0]?.id);
      await tamper(db, await forgedAfter(db, at(ids, 4), id));
      return id;
    },
    reason: /beyond its chain's head/,
  },
  {
    name: 'an entry forged in the middle, with a correct hash',
    county: '522732',
    act: async (db, ids) => {
      await tamper(db, await forgedAfter(db, at(ids, 2), at(ids, 2) + 1));
      return at(ids, 3); // the forgery hashes right; the entry after it no longer points to its predecessor
    },
    reason: /inserted/,
  },
];

describe(`tampering with the audit chains is named (${ENGINE})`, () => {
  let db: Database;
  const chains = new Map<string, { chain: string; ids: number[] }>();
  /** Chain → the entry verify must name there; chains an entry was moved out of may break anywhere. */
  const expected = new Map<string, number>();
  const touched = new Set<string>();
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('an untouched log verifies, every chain with its head', async () => {
    for (const c of CASES) {
      const ids = await appendMany(db, c.county, 5);
      const rows = await db.kysely.selectFrom('audit_log').select('chain_key').where('id', 'in', ids).groupBy('chain_key').execute();
      expect(rows).toHaveLength(1);
      chains.set(c.county, { chain: rows[0]?.chain_key ?? '', ids });
    }
    const r = await verify(db, scope);
    expect(r).toMatchObject({ ok: true, firstBrokenId: null, chain: null, broken: [] });
    expect(r.chains).toBeGreaterThanOrEqual(CASES.length);
  });

  it.each(CASES)('$name: verify names the entry and its chain', async (c) => {
    const own = chains.get(c.county);
    if (!own) throw new Error('chains not written');
    const id = await c.act(db, own.ids);
    const other = c.other ? `${c.other}${own.chain.slice(6)}` : own.chain;
    const named = c.namedThere ? other : own.chain;
    expected.set(named, id);
    touched.add(own.chain).add(other);
    const r = await verify(db, scope);
    expect(r.ok).toBe(false);
    expect(r.broken.find((b: ChainBreak) => b.chain === named), `chain ${named} reported broken`).toMatchObject({ firstBrokenId: id, reason: expect.stringMatching(c.reason) });
    // Every earlier case still shows its own first break; no chain left alone is reported.
    for (const b of r.broken) {
      expect(touched.has(b.chain), `unexpected break in ${b.chain}: ${b.reason}`).toBe(true);
      if (expected.has(b.chain)) expect(b.firstBrokenId).toBe(expected.get(b.chain));
    }
    expect(r.firstBrokenId).toBe(Math.min(...r.broken.map((b) => b.firstBrokenId)));
    expect(r.chain).toBe(r.broken.find((b) => b.firstBrokenId === r.firstBrokenId)?.chain);
  });
});
