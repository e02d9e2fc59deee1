// The caseload import's rows reach the database through array literals (`repo/write.ts`): every text — a
// name, a file name inside the explanation's JSON, with quotes, backslashes, braces, commas, blanks, the
// word NULL — and any null or number comes back from `unnest` exactly as it went in; JSON texts too, joined
// into one JSON array.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { arrayLiteral, jsonArray, queuedInserts } from './repo/write.ts';

const text = fc.oneof(fc.string(), fc.constantFrom('', 'NULL', 'null', ' a ', '{"a":"b\\\\c"}', '"', '\\', '{,}', '存量对象迁移导入（x.csv）'), fc.string({ unit: 'grapheme' }))
  .filter((s) => !s.includes('\u0000'));

describe(`caseload: array literals round-trip (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => db?.close());

  it('texts (or null) and integers come back from unnest as they went in, in order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.option(text)), fc.array(fc.option(fc.integer())), async (texts, numbers) => {
      const t = await sql<{ v: string | null }>`select v from unnest(cast(${arrayLiteral(texts)} as text[])) with ordinality as u (v, i) order by i`.execute(db.kysely);
      expect(t.rows.map((r) => r.v)).toEqual(texts);
      const n = await sql<{ v: number | null }>`select v from unnest(cast(${arrayLiteral(numbers)} as bigint[])) with ordinality as u (v, i) order by i`.execute(db.kysely);
      expect(n.rows.map((r) => r.v)).toEqual(numbers);
    }), { numRuns: 60 });
  });

  it('JSON texts come back as the same jsonb', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)))), async (objects) => {
      const { rows } = await sql<{ v: unknown }>`select v from unnest(cast(${arrayLiteral(objects.map((o) => JSON.stringify(o)))} as jsonb[])) with ordinality as u (v, i) order by i`.execute(db.kysely);
      expect(rows.map((r) => r.v)).toEqual(objects);
    }), { numRuns: 40 });
  });

  it('JSON texts joined into one JSON array come back as the same jsonb, one element each', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)))), async (objects) => {
      const { rows } = await sql<{ v: unknown }>`select v from jsonb_array_elements(cast(${jsonArray(objects.map((o) => JSON.stringify(o)))} as jsonb)) with ordinality as u (v, i) order by i`.execute(db.kysely);
      expect(rows.map((r) => r.v)).toEqual(objects);
    }), { numRuns: 40 });
  });

  it('queued inserts: a failing statement fails the transaction, and nothing queued behind it runs outside it', async () => {
    await sql`create table caseload_queue_probe (n int not null check (n <> 25000), note jsonb not null)`.execute(db.kysely);
    try {
      const n = Array.from({ length: 45_000 }, (_, i) => i);
      const insert = db.kysely.transaction().execute((tx) => queuedInserts(tx, async (inserts) => {
        await inserts.add('caseload_queue_probe', [{ name: 'n', type: 'int', values: n }, { name: 'note', type: 'jsonb', values: n.map((i) => JSON.stringify({ i })) }]);
        await inserts.add('caseload_queue_probe', [{ name: 'n', type: 'int', values: [1, 2] }, { name: 'note', type: 'jsonb', constant: '{}' }]);
      }));
      await expect(insert).rejects.toThrow(/caseload_queue_probe_n_check/);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from caseload_queue_probe`.execute(db.kysely);
      expect(rows[0]!.n).toBe(0);
      await db.kysely.transaction().execute((tx) => queuedInserts(tx, (inserts) => inserts.add('caseload_queue_probe', [{ name: 'n', type: 'int', values: [7] }, { name: 'note', type: 'jsonb', values: ['{"a":"b"}'] }])));
      const after = await sql<{ n: number; note: unknown }>`select n, note from caseload_queue_probe`.execute(db.kysely);
      expect(after.rows).toEqual([{ n: 7, note: { a: 'b' } }]);
    } finally {
      await sql`drop table caseload_queue_probe`.execute(db.kysely);
    }
  });
});
