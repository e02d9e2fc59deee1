import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, ENGINE } from '../test/db.ts';
import type { Database } from './engine.ts';
import { listMigrations, migrate } from './migrate.ts';

describe(`migrations (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('running them again applies nothing and keeps the data', async () => {
    const before = await db.kysely.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
    const after = await db.kysely.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const applied = await sql<{ version: string }>`select version from schema_migrations order by version`.execute(db.kysely);
    expect(applied.rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const first = listMigrations()[0];
    if (!first) throw new Error('no migrations');
    await sql`update schema_migrations set checksum = 'edited' where version = ${first.version}`.execute(db.kysely);
    await expect(migrate(db)).rejects.toThrow(/was changed after it was applied/);
    await sql`update schema_migrations set checksum = ${first.checksum} where version = ${first.version}`.execute(db.kysely);
  });

  it('refuses a database migrated by a newer version, naming the unknown migration, and applies nothing', async () => {
    const last = listMigrations().at(-1);
    if (!last) throw new Error('no migrations');
    await sql`insert into schema_migrations (version, name, checksum) values ('9999', 'from_the_future', 'x')`.execute(db.kysely);
    await sql`delete from schema_migrations where version = ${last.version}`.execute(db.kysely);
    await expect(migrate(db)).rejects.toMatchObject({
      code: 'unknown_migration',
      message: expect.stringMatching(/^数据库由更新版本的 Jiuzhu 迁移过（未知迁移 9999_from_the_future），请使用新版本程序 \/ database was migrated by a newer Jiuzhu/),
    });
    const versions = await sql<{ version: string }>`select version from schema_migrations where version in (${last.version}, '9999')`.execute(db.kysely);
    expect(versions.rows.map((r) => r.version)).toEqual(['9999']);

    await sql`delete from schema_migrations where version = '9999'`.execute(db.kysely);
    await sql`insert into schema_migrations (version, name, checksum) values (${last.version}, ${last.name}, ${last.checksum})`.execute(db.kysely);
    expect(await migrate(db)).toEqual([]);
  });

  // Two server instances started together both migrate: the grants after the migrations
  // (PostgreSQL's catalog rows) must not collide ("tuple concurrently updated").
  it('several starts migrating at once all succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled([migrate(db), migrate(db), migrate(db), migrate(db)]);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
  });

  it('a failing migration script leaves nothing behind', async () => {
    await expect(db.execScript('create table half_done (x int); select 1/0;')).rejects.toThrow();
    const t = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(db.kysely);
    expect(t.rows[0]?.n).toBe(0);
  });
});
