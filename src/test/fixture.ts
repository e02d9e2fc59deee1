import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/engine.ts';
import { migrate } from '../db/migrate.ts';
import { systemScope } from '../kernel/scope.ts';
import { loadPrefecture } from '../modules/areas/index.ts';
import { syncProgrammes } from '../modules/cases/index.ts';
import { ensureDemoAccounts } from '../modules/users/index.ts';
import { syncParameterFiles } from '../modules/policy/index.ts';

/** What every integration test starts from: migrated, 黔南州 loaded, demo accounts. */
export async function buildFixture(db: Database): Promise<void> {
  await migrate(db);
  await syncProgrammes(db);
  await loadPrefecture(db, systemScope('test'), '522700');
  await ensureDemoAccounts(db);
  await syncParameterFiles(db);
}

/** Admin connection to the server named by DATABASE_URL, for creating test databases. */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: url });
  try {
    await sql.raw(statement).execute(admin.kysely);
  } finally {
    await admin.close();
  }
}

/**
 * Drops a database once its last connections are gone. A pool's `end()` resolves before the server has
 * closed its backends; dropping `with (force)` at that moment terminates them, and the closing client
 * reports the termination as an unhandled error. So wait (briefly) for the backends to leave first.
 */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: url });
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin.kysely);
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.kysely);
  } finally {
    await admin.close();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
