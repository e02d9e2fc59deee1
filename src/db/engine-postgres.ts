import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from './engine.ts';
import { postgresPool } from './pg-pool.ts';
import { primaryReads, type ReplicaOptions } from './replica.ts';
import { replicaReads } from './replica-reads.ts';

/** A PostgreSQL server through a pg pool (JIUZHU_DB_POOL_SIZE connections), with an optional streaming replica for reads. */
export async function openPostgres(url: string, replica: ReplicaOptions | null, poolSize: number): Promise<Database> {
  const { pool, kysely, connect } = postgresPool(url, { max: poolSize });
  await sql`select 1`.execute(kysely);
  const listeners: pg.Client[] = [];
  const reads = replica ? replicaReads(kysely, replica) : primaryReads(kysely);
  return {
    kysely,
    engine: 'postgres',
    reads,
    async copyCsv(table, columns, csv) {
      const client = await connect(0);
      try {
        const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
        const source = typeof csv === 'string' ? Readable.from([csv]) : Readable.from(csv);
        await pipeline(source, stream);
        return stream.rowCount;
      } finally {
        client.release();
      }
    },
    async copyCsvOut(table, columns) {
      const client = await pool.connect();
      try {
        const parts: string[] = [];
        for await (const chunk of client.query(copyTo(`copy ${table} (${columns.join(', ')}) to stdout with (format csv)`))) parts.push((chunk as Buffer).toString('utf8'));
        return parts.join('');
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotice) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      listeners.push(client);
      client.on('notification', (n) => {
        if (n.channel === channel) onNotice(n.payload ?? '');
      });
      // A lost connection may have missed notices: the caller treats it as one.
      client.on('error', () => onNotice(null));
      await client.query(`listen ${channel}`);
    },
    async dumpDataDir(): Promise<Blob> {
      throw new Error('dumpDataDir is for PGlite; use pg_dump on a server');
    },
    async snapshotDataDir(): Promise<never> {
      throw new Error('snapshotDataDir is for PGlite; use pg_dump on a server (src/ops/backup.ts)');
    },
    async execScript(script) {
      const client = await connect(0);
      try {
        await client.query('begin');
        try {
          await client.query(script);
          await client.query('commit');
        } catch (e) {
          await client.query('rollback');
          throw e;
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => undefined)));
      await reads.close();
      await kysely.destroy();
    },
  };
}
