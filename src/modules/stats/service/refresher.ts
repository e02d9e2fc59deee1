/**
 * The roll-up refreshed in the background (issue 25): a listening server refreshes it every
 * `JIUZHU_STATS_REFRESH_SECONDS` and once bulk work (imports, payroll runs, rescreens) has gone quiet, in chunks with
 * progress, and the dashboard serves the last complete roll-up with its "as of" time. Without a running
 * refresher (one-off tools, tests on an app that does not listen) a read refreshes the marked areas first.
 */
import type { Database } from '../../../db/engine.ts';
import { onBulkChange } from '../../../db/bulk-changed.ts';
import { unboundedQueries } from '../../../db/statement-timeout.ts';
import { yieldToRequests } from '../../../db/yield.ts';
import { REFRESH_CHUNK, refreshDirty, type RefreshProgress, type RefreshResult } from '../repo/refresh.ts';
import { currentAssessment } from './assessment.ts';

const running = new WeakMap<Database, Promise<RefreshResult | null>>();
const active = new WeakSet<Database>();

/** One refresh of the marked areas; a call while one runs joins it (and a change it missed waits for the next turn). */
export function refreshRollup(db: Database, onProgress?: RefreshProgress): Promise<RefreshResult | null> {
  const now = running.get(db);
  if (now) return now;
  const job = unboundedQueries(() => refreshDirty(db.kysely, () => currentAssessment(db), { onProgress, between: () => yieldToRequests(db), chunk: REFRESH_CHUNK[db.engine] })).finally(() => running.delete(db));
  running.set(db, job);
  return job;
}

/** Whether a background refresher keeps `db`'s roll-up (reads then serve it as it stands). */
export function refreshedInBackground(db: Database): boolean {
  return active.has(db);
}

/** After bulk work the refresh waits this long for quiet: a payroll run's chunks do not each start one. */
export const BULK_QUIET_MS = 1_000;

export interface RefresherOptions {
  intervalSeconds: number;
  log: (message: string) => void;
}

/** Starts the schedule; returns the stop, which waits for a refresh under way (the database closes next). */
export function startRollupRefresher(db: Database, opts: RefresherOptions): () => Promise<void> {
  active.add(db);
  let stopped = false;
  const turn = () => {
    if (stopped) return;
    const started = Date.now();
    let chunks = 0;
    refreshRollup(db, (_done, total) => {
      chunks = total;
    })
      .then((r) => {
        if (r) opts.log(`stats roll-up refreshed: ${r.areas === null ? 'everything' : `${r.areas.length} areas`}, ${r.rows} rows, ${chunks} chunks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      })
      .catch((e: unknown) => {
        if (!stopped) opts.log(`stats roll-up refresh failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  };
  const timer = setInterval(turn, opts.intervalSeconds * 1000);
  timer.unref();
  let quiet: NodeJS.Timeout | null = null;
  const unsubscribe = onBulkChange(db, () => {
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(turn, BULK_QUIET_MS);
    quiet.unref();
  });
  turn();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (quiet) clearTimeout(quiet);
    unsubscribe();
    active.delete(db);
    await running.get(db)?.catch(() => null);
  };
}
