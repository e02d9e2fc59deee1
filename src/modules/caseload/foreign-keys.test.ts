// The caseload import's inserts with their foreign keys checked set-based (PGlite's path, repo/foreign-keys.ts;
// run on both engines): a row without its parent refuses the statement's transaction as the trigger would,
// naming the key; a null passes; a key with a defaulted column keeps its trigger; the triggers are on again
// after a commit and after a rollback.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { queuedInserts } from './repo/write.ts';

describe(`caseload: foreign keys checked set-based (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await sql`create table caseload_fk_parent (a text not null, id int not null, primary key (a, id))`.execute(db.kysely);
    await sql`create table caseload_fk_child (id int primary key, a text not null, parent_id int, other_id int not null default 1,
      foreign key (a, parent_id) references caseload_fk_parent (a, id), constraint caseload_fk_child_other foreign key (a, other_id) references caseload_fk_parent (a, id))`.execute(db.kysely);
    await sql`insert into caseload_fk_parent values ('x', 1), ('x', 2)`.execute(db.kysely);
  });
  afterAll(async () => {
    await sql`drop table if exists caseload_fk_child, caseload_fk_parent`.execute(db.kysely);
    await db?.close();
  });

  const triggers = async (tx = db.kysely) => (await sql<{ name: string; enabled: string }>`
    select c.conname as name, t.tgenabled as enabled from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint
    where t.tgrelid = 'caseload_fk_child'::regclass and t.tgfoid = 'pg_catalog."RI_FKey_check_ins"'::regproc order by 1`.execute(tx)).rows;
  const children = async () => (await sql<{ id: number; parent_id: number | null }>`select id, parent_id from caseload_fk_child order by id`.execute(db.kysely)).rows;
  const bothOn = [{ name: 'caseload_fk_child_a_parent_id_fkey', enabled: 'O' }, { name: 'caseload_fk_child_other', enabled: 'O' }];

  it('rows whose parents exist (or whose key has a null) are written; meanwhile only the key without a default is off', async () => {
    let during: { name: string; enabled: string }[] = [];
    await db.kysely.transaction().execute((tx) => queuedInserts(tx, async (inserts) => {
      during = await triggers(tx);
      await inserts.add('caseload_fk_child', [
        { name: 'id', type: 'int', values: [1, 2, 3] }, { name: 'a', type: 'text', constant: 'x' }, { name: 'parent_id', type: 'int', values: [1, 2, null] },
      ]);
    }, ['caseload_fk_child']));
    expect(during).toEqual([{ name: 'caseload_fk_child_a_parent_id_fkey', enabled: 'D' }, { name: 'caseload_fk_child_other', enabled: 'O' }]);
    expect(await children()).toEqual([{ id: 1, parent_id: 1 }, { id: 2, parent_id: 2 }, { id: 3, parent_id: null }]);
    expect(await triggers()).toEqual(bothOn);
  });

  it('a row without its parent refuses the whole transaction, naming the key and the count; nothing written, the trigger on again', async () => {
    const before = await children();
    const insert = db.kysely.transaction().execute((tx) => queuedInserts(tx, async (inserts) => {
      await inserts.add('caseload_fk_child', [{ name: 'id', type: 'int', values: [10, 11] }, { name: 'a', type: 'text', values: ['x', 'x'] }, { name: 'parent_id', type: 'int', values: [1, 1] }]);
      await inserts.add('caseload_fk_child', [{ name: 'id', type: 'int', values: [12, 13, 14] }, { name: 'a', type: 'text', values: ['x', 'x', 'x'] }, { name: 'parent_id', type: 'int', values: [2, 3, 4] }]);
    }, ['caseload_fk_child']));
    await expect(insert).rejects.toMatchObject({ code: 'caseload_reference_gone', status: 409, message: expect.stringContaining('caseload_fk_child_a_parent_id_fkey：2 行') });
    expect(await children()).toEqual(before);
    expect(await triggers()).toEqual(bothOn);
  });

  it('the key left to its trigger is still checked', async () => {
    const insert = db.kysely.transaction().execute((tx) => queuedInserts(tx, (inserts) => inserts.add('caseload_fk_child', [
      { name: 'id', type: 'int', values: [20] }, { name: 'a', type: 'text', values: ['x'] }, { name: 'parent_id', type: 'int', values: [1] }, { name: 'other_id', type: 'int', values: [9] },
    ]), ['caseload_fk_child']));
    await expect(insert).rejects.toThrow(/caseload_fk_child_other/);
    expect((await children()).map((c) => c.id)).not.toContain(20);
    expect(await triggers()).toEqual(bothOn);
  });
});
