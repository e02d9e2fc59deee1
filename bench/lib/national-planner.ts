// At 2,800 counties the roll-up's registry part (rollupQuery → dibaoAssessmentQuery, the policy parameters as
// a jsonb_to_recordset of one row per county) is estimated at a few rows where it yields one per household, and
// PostgreSQL joins it to the households in a nested loop: a full roll-up refresh of 50,000 households ran over
// five minutes (28 s with nested loops off, 22 s of it JIT). Until that is fixed where the query is built, the
// national benchmark builds its cached roll-up with nested loops off (untimed) and times the plain scan the
// same way — the faster baseline, so the dashboard's ratio is not flattered by the misplan.
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/engine.ts';
import { withDatabase } from '../../src/test/fixture.ts';
import { benchDatabaseUrl } from './engines.ts';

/** Runs `fn` on a second connection pool to the same database whose sessions plan without nested loops. */
export async function withoutNestedLoops<T>(db: Database, fn: (db: Database) => Promise<T>): Promise<T> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db.kysely);
  const name = rows[0]!.name;
  await sql.raw(`alter database ${name} set enable_nestloop = off`).execute(db.kysely);
  const other = await openDatabase({ databaseUrl: withDatabase(benchDatabaseUrl(), name) });
  try {
    return await fn(other);
  } finally {
    await other.close();
    await sql.raw(`alter database ${name} reset enable_nestloop`).execute(db.kysely);
  }
}
