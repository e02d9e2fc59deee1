/**
 * Reads that may lag (dashboards, reports, exports, the simulator) go to a streaming replica when one is
 * configured (`DATABASE_REPLICA_URL`), up and within `JIUZHU_REPLICA_MAX_LAG_SECONDS` of the primary; otherwise to
 * the primary, so a lagging or stopped replica slows nothing down and fails no request. Writes and reads of one's own
 * writes never come here: they use `db.kysely`.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../kernel/config.ts';
import type { DB } from './schema.ts';
import { postgresPool } from './pg-pool.ts';

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

/** A probe is reused this long: a busy dashboard costs the replica one probe a second, not one per request. */
export const PROBE_REUSE_MS = 1_000;
/** A replica found down is asked again after this long; meanwhile, and while it is asked, reads go to the primary at once. */
export const DOWN_RETRY_MS = 2_000;
/** How long a probe waits for a connection to the replica before counting it down. */
const CONNECT_TIMEOUT_MS = 2_000;

/** Lag as PostgreSQL's standby sees it: nothing received is left to replay, or the age of the last replayed commit. */
const LAG = sql<{ recovering: boolean; caught_up: boolean; replayed_at: Date | null; now: Date }>`
  select pg_is_in_recovery() as recovering,
    coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) as caught_up,
    pg_last_xact_replay_timestamp() as replayed_at, now() as now`;

export function replicaReads(primary: Kysely<DB>, opts: ReplicaOptions): Reads {
  const replica = postgresPool(opts.url, { max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A standby drops its sessions when it stops or replays a dropped database: the pool's idle clients then
  // report an error, which the next probe notices; unhandled it would end the process.
  replica.pool.on('error', () => {});
  let last: { state: ReplicaState; at: number } | null = null;
  let probing: Promise<ReplicaState> | null = null;
  let serving: boolean | null = null;
  const log = opts.log ?? (() => {});

  const measure = async (): Promise<ReplicaState> => {
    let state: ReplicaState;
    let reason: string;
    try {
      const r = (await LAG.execute(replica.kysely)).rows[0]!;
      const lagSeconds = !r.recovering || r.caught_up ? 0 : r.replayed_at === null ? null : Math.max(0, (new Date(r.now).getTime() - new Date(r.replayed_at).getTime()) / 1000);
      state = { up: true, lagSeconds, maxLagSeconds: opts.maxLagSeconds, serving: lagSeconds !== null && lagSeconds <= opts.maxLagSeconds };
      reason = lagSeconds === null ? 'lag unknown' : `${lagSeconds.toFixed(1)} s behind, more than ${opts.maxLagSeconds} s`;
    } catch (e) {
      state = { up: false, lagSeconds: null, maxLagSeconds: opts.maxLagSeconds, serving: false };
      reason = `unreachable: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (state.serving !== serving) {
      if (!state.serving) log(`database replica not used, reads go to the primary (${reason})`);
      else if (serving === false) log('database replica serves reads again');
      serving = state.serving;
    }
    return state;
  };

  const current = async (): Promise<ReplicaState> => {
    if (last && Date.now() - last.at < (last.state.up ? PROBE_REUSE_MS : DOWN_RETRY_MS)) return last.state;
    probing ??= measure().then((state) => {
      last = { state, at: Date.now() };
      probing = null;
      return state;
    });
    // A replica that was down may take the connect timeout to answer: no request waits for that.
    return last && !last.state.up ? last.state : probing;
  };

  return {
    async source() {
      return (await current()).serving ? { kysely: replica.kysely, server: 'replica' } : { kysely: primary, server: 'primary' };
    },
    state: current,
    async close() {
      await replica.kysely.destroy();
    },
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
