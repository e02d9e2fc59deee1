import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope, userScope } from '../kernel/scope.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from './engine.ts';
import { prepared, preparedName } from './prepared.ts';
import { applyRowSecurity, SCOPED_ROLE } from './row-security.ts';
import type { DB } from './schema.ts';

type Row = Record<string, unknown>;

/** Runs `query` as the prepared statement `label` on `db` (the pool, a transaction or one pinned connection). */
async function runPrepared<R = Row>(db: Kysely<DB>, label: string, query: RawBuilder<R>): Promise<R[]> {
  return (await db.executeQuery(prepared(label, query.compile(db)))).rows;
}

describe(`prepared statements (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await sql`create table prep_probe (id int primary key, area text not null, amount_fen bigint, born date, share numeric,
      tags text[], doc jsonb, note text)`.execute(db.kysely);
    await sql`insert into prep_probe values
      (1, '522701001', 123456789012, '1958-06-01', 0.35, '{a,b}', '{"k": [1, "二"]}', '低保'),
      (2, '522702001', null, null, null, null, null, null),
      (3, '522701002', 0, '2000-02-29', 12.5, '{}', '[]', '')`.execute(db.kysely);
    await sql`alter table prep_probe enable row level security`.execute(db.kysely);
    await sql.raw(`create policy prep_probe_in_scope on prep_probe to ${SCOPED_ROLE} using (jiuzhu_in_scope(area, null))`).execute(db.kysely);
    await sql.raw(`grant select on prep_probe to ${SCOPED_ROLE}`).execute(db.kysely);
  });
  afterAll(() => db.close());

  const byArea = (from: string) => sql<Row>`select * from prep_probe where area >= ${from} order by id`;

  it('returns the same rows, with the same types, as the statement unprepared, on every execution', async () => {
    for (const from of ['5227', '522702', '9']) {
      const plain = (await byArea(from).execute(db.kysely)).rows;
      for (let i = 0; i < 7; i++) expect(await runPrepared(db.kysely, 'probe_by_area', byArea(from))).toEqual(plain);
    }
    const [first] = await runPrepared(db.kysely, 'probe_by_area', byArea('5227'));
    expect(first).toMatchObject({ amount_fen: 123456789012, born: '1958-06-01', tags: ['a', 'b'], doc: { k: [1, '二'] } });
    const name = preparedName(byArea('x').compile(db.kysely).sql);
    expect(name).toMatch(/^probe_by_area_\d+$/);
    await db.kysely.connection().execute(async (conn) => {
      await runPrepared(conn, 'probe_by_area', byArea('1'));
      const held = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(conn);
      expect(held.rows.map((r) => r.name)).toContain(name);
    });
  });

  it('counts the rows a prepared write changed', async () => {
    const touch = (id: number) => sql`update prep_probe set note = note where id <= ${id}`.compile(db.kysely);
    expect((await db.kysely.executeQuery(prepared('probe_touch', touch(2)))).numAffectedRows).toBe(2n);
    expect((await db.kysely.executeQuery(prepared('probe_touch', touch(3)))).numAffectedRows).toBe(3n);
  });

  it('prepares again when the schema changes its result, and when the session dropped it', async () => {
    const one = sql<Row>`select * from prep_probe where id = ${1}`;
    expect(Object.keys((await runPrepared(db.kysely, 'probe_one', one))[0] ?? {})).not.toContain('extra');
    await sql`alter table prep_probe add column extra int not null default 7`.execute(db.kysely);
    expect((await runPrepared(db.kysely, 'probe_one', one))[0]).toMatchObject({ id: 1, extra: 7 });
    // One pinned connection, so that the statement dropped is the one prepared (PostgreSQL has a pool).
    await db.kysely.connection().execute(async (conn) => {
      expect(await runPrepared(conn, 'probe_one', one)).toHaveLength(1);
      await sql`deallocate all`.execute(conn);
      expect((await runPrepared(conn, 'probe_one', one))[0]).toMatchObject({ id: 1, extra: 7 });
    });
  });

  it('inside a transaction, a stale statement fails that transaction only, and the next one prepares it again', async () => {
    const two = sql<Row>`select * from prep_probe where id = ${2}`;
    await db.kysely.connection().execute(async (conn) => {
      expect(await runPrepared(conn, 'probe_two', two)).toHaveLength(1);
      await sql`alter table prep_probe add column later int`.execute(conn);
      await expect(conn.transaction().execute((tx) => runPrepared(tx, 'probe_two', two))).rejects.toThrow(/cached plan must not change result type/);
      expect((await runPrepared(conn, 'probe_two', two))[0]).toMatchObject({ id: 2, later: null });
    });
  });

  it('a statement first met in an aborted transaction is not kept, and works after it', async () => {
    const three = sql<Row>`select id, note from prep_probe where id = ${3}`;
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await sql`select 1 / 0`.execute(tx).catch(() => undefined);
        return runPrepared(tx, 'probe_three', three);
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    expect(await runPrepared(db.kysely, 'probe_three', three)).toEqual([{ id: 3, note: '' }]);
  });

  it('a statement whose parse failed is not kept: it runs once its table exists', async () => {
    const late = sql<Row>`select count(*)::int as n from prep_late where id > ${0}`;
    await expect(runPrepared(db.kysely, 'probe_late', late)).rejects.toThrow(/prep_late/);
    await expect(db.kysely.transaction().execute((tx) => runPrepared(tx, 'probe_late', late))).rejects.toThrow(/prep_late/);
    await sql`create table prep_late (id int)`.execute(db.kysely);
    await sql`insert into prep_late values (1), (2)`.execute(db.kysely);
    expect(await runPrepared(db.kysely, 'probe_late', late)).toEqual([{ n: 2 }]);
  });

  it('row security applies to a prepared statement whatever role prepared it first', async () => {
    const all = sql<{ n: number }>`select count(*)::int as n from prep_probe where id > ${0}`;
    const county = userScope({ id: 1, username: 'duyun', role: 'county_approver', areaCode: '522701', department: null });
    const asScope = (scope: Parameters<typeof applyRowSecurity>[1]) =>
      db.kysely.transaction().execute(async (tx) => {
        await applyRowSecurity(tx, scope);
        return (await runPrepared(tx, 'probe_count', all))[0]?.n;
      });
    expect((await runPrepared(db.kysely, 'probe_count', all))[0]?.n).toBe(3);
    expect(await asScope(county)).toBe(2);
    expect(await asScope(systemScope())).toBe(3);
    expect(await asScope(county)).toBe(2);
    expect((await runPrepared(db.kysely, 'probe_count', all))[0]?.n).toBe(3);
  });

  it('another database (a PGlite opened again, a new pool) prepares the statement for itself', async () => {
    const areas = sql<{ n: number }>`select count(*)::int as n from areas where code < ${'6'}`;
    const expected = (await runPrepared(db.kysely, 'probe_areas', areas))[0]?.n;
    const again = await testDatabase();
    try {
      expect((await runPrepared(again.kysely, 'probe_areas', areas))[0]?.n).toBe(expected);
    } finally {
      await again.close();
    }
  });

  it('refuses a label that is not a plain identifier, and runs nothing', () => {
    expect(() => prepared('drop table; --', byArea('1').compile(db.kysely))).toThrow(/lower-case letters/);
  });
});
