// The replica's reads (PostgreSQL only): its own pg pool, probed for lag. Apart from replica.ts so that a PGlite
// start, which has no replica, never loads pg.
import { sql, type Kysely } from 'kysely';
import { postgresPool } from './pg-pool.ts';
import type { Reads, ReplicaOptions, ReplicaState } from './replica.ts';
import type { DB } from './schema.ts';

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
