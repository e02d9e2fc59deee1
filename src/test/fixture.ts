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

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
