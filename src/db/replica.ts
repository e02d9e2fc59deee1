/**
 * Reads that may lag (dashboards, reports, exports, the simulator) go to a streaming replica when one is
 * configured (`DATABASE_REPLICA_URL`), up and within `JIUZHU_REPLICA_MAX_LAG_SECONDS` of the primary; otherwise to
 * the primary, so a lagging or stopped replica slows nothing down and fails no request. Writes and reads of one's own
 * writes never come here: they use `db.kysely`.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../kernel/config.ts';
import type { DB } from './schema.ts';

export type ReadServer = 'primary' | 'replica';

/** Where a read goes. */
export interface ReadSource {
  kysely: Kysely<DB>;
  server: ReadServer;
}

/** The replica as `/healthz` shows it. */
export interface ReplicaState {
  up: boolean;
  /** Seconds its data is behind the primary (0: caught up); null when down or unknown. */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Whether reads that may lag go to it now. */
  serving: boolean;
}

export interface Reads {
  /** The server for a read that may lag up to the bound: the replica when it is up and within it, else the primary. */
  source(): Promise<ReadSource>;
  /** null: no replica configured (reads are the primary's). */
  state(): Promise<ReplicaState | null>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  url: string;
  maxLagSeconds: number;
  /** Told once when the replica stops serving (down or too far behind) and once when it serves again. */
  log?: ((message: string) => void) | undefined;
}

/** The replica of the configuration (`DATABASE_REPLICA_URL`, `JIUZHU_REPLICA_MAX_LAG_SECONDS`), or null. */
export function configuredReplica(config: Pick<Config, 'databaseReplicaUrl' | 'replicaMaxLagSeconds'>, log?: (message: string) => void): ReplicaOptions | null {
  return config.databaseReplicaUrl ? { url: config.databaseReplicaUrl, maxLagSeconds: config.replicaMaxLagSeconds, log } : null;
}

/** Reads without a replica: the primary's. */
export function primaryReads(primary: Kysely<DB>): Reads {
  return {
    source: async () => ({ kysely: primary, server: 'primary' }),
    state: async () => null,
    close: async () => {},
  };
}

/**
 * The moment the data a server answers from reflects: now on the primary (and on a caught-up replica), else the
 * replica's last replayed commit. What a dashboard read on it may call its "as of".
 */
export async function dataTime(db: Kysely<DB>): Promise<Date> {
  const { rows } = await sql<{ t: Date }>`
    select case when pg_is_in_recovery() and not coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false)
      then coalesce(pg_last_xact_replay_timestamp(), now()) else now() end as t`.execute(db);
  return new Date(rows[0]!.t);
}
