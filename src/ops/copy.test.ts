// `jiuzhu db copy`: an embedded database into an empty PostgreSQL one (needs a server: runs with DATABASE_URL).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/engine.ts';
import { appendAudit } from '../kernel/audit/append.ts';
import { buildFixture } from '../test/fixture.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';
import { copyToServer, parentsFirst } from './copy.ts';

describe('parents before children', () => {
  it('orders tables so that every foreign key points back, and names a cycle', () => {
    const t = (name: string, parents: string[]) => ({ name, columns: [], parents });
    const order = parentsFirst([t('entitlements', ['cases', 'decisions']), t('decisions', ['cases']), t('cases', ['households', 'areas']), t('households', ['areas']), t('areas', [])]).map((x) => x.name);
    expect(order).toEqual(['areas', 'households', 'cases', 'decisions', 'entitlements']);
    expect(() => parentsFirst([t('a', ['b']), t('b', ['a'])])).toThrow('foreign keys form a cycle: a → b → a');
  });
});

const server = process.env.DATABASE_URL;
describe.runIf(server)('db copy: PGlite → PostgreSQL', () => {
  let source: Database;
  const name = `jiuzhu_copy_${process.pid}`;
  let url: string;
  let target: Database;

  beforeAll(async () => {
    source = await openDatabase({ dataDir: 'memory://' });
    await buildFixture(source);
    for (let i = 0; i < 3; i++) {
      await source.kysely.transaction().execute((tx) => appendAudit(tx, { userId: null, userName: 'copy-test' }, { action: 'test.copy', entity: 'copy', entityId: String(i), areaCode: '522701' }));
    }
    await adminQuery(server ?? '', `create database ${name}`);
    url = withDatabase(server ?? '', name);
    target = await openDatabase({ databaseUrl: url });
  }, 120_000);
  afterAll(async () => {
    await target?.close();
    await source?.close();
    await dropDatabase(server ?? '', name);
  });

  it('copies every row, continues the sequences, verifies the audit chain, and refuses a target that is not empty', async () => {
    const steps: string[] = [];
    const r = await copyToServer(source, target, url, (done, total, table) => steps.push(`${done}/${total} ${table}`));
    expect(r.auditEntries).toBeGreaterThanOrEqual(3);
    expect(steps.at(-1)).toMatch(new RegExp(`^${r.tables}/${r.tables} `));
    const areas = await target.kysely.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(areas.n)).toBe(1 + 12 + 1 + 109 + 1464);
    // The next audit entry continues the copied sequence and chains onto the copied entries.
    const last = await target.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    const id = await target.kysely.transaction().execute((tx) => appendAudit(tx, { userId: null, userName: 'copy-test' }, { action: 'test.copy', entity: 'copy', entityId: 'after', areaCode: '522701' }));
    expect(id).toBeGreaterThan(Number(last.id));
    const migrations = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(target.kysely);
    expect(Number(migrations.rows[0]?.n)).toBeGreaterThan(50);

    await expect(copyToServer(source, target, url)).rejects.toMatchObject({ code: 'restore_target_not_empty' });
  }, 180_000);
});
