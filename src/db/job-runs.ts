// Scheduled jobs on several server instances: a job's run for one slot (the daily rescreen: one day, China time) is
// claimed in the database by one instance only (table job_runs, migration 0148). The claim carries a heartbeat; an
// instance that died mid-run stops beating, and after `staleAfterMs` another instance may take the slot over. An
// instance that stops (SIGTERM) releases its unfinished claim at once.
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Database } from './engine.ts';

/** This process among the instances: host, process and a random part (a pid may come again after a restart). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export interface RunOptions {
  /** After how long without a heartbeat another instance may take the slot over. */
  staleAfterMs: number;
  instance?: string;
}

/** Claims `job` for `slot`: true for the one instance that gets it (a finished run is never claimed again). */
export async function claimRun(db: Database, job: string, slot: string, opts: RunOptions): Promise<boolean> {
  const instance = opts.instance ?? INSTANCE_ID;
  const { rows } = await sql<{ instance: string }>`
    insert into job_runs (job, slot, instance) values (${job}, ${slot}, ${instance})
    on conflict (job, slot) do update set instance = excluded.instance, started_at = now(), heartbeat_at = now()
     where job_runs.finished_at is null and job_runs.heartbeat_at < now() - make_interval(secs => ${opts.staleAfterMs / 1000})
    returning instance`.execute(db.kysely);
  return rows[0]?.instance === instance;
}

async function mark(db: Database, job: string, slot: string, instance: string, set: 'beat' | 'release' | { outcome: string }): Promise<void> {
  const q = sql`update job_runs set ${set === 'beat' ? sql`heartbeat_at = now()` : set === 'release' ? sql`heartbeat_at = '-infinity'` : sql`finished_at = now(), outcome = ${set.outcome}`}
    where job = ${job} and slot = ${slot} and instance = ${instance} and finished_at is null`;
  await q.execute(db.kysely);
}

/** A claimed run in progress: its heartbeat, its end, or its release when the instance stops. */
export interface ClaimedRun {
  finish(outcome: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * Runs `fn` if this instance claims the slot, beating the heart meanwhile; null when another instance has it or
 * already ran it. `onClaim` receives the run (to release it on shutdown) before `fn` starts.
 */
export async function runOnce<T>(db: Database, job: string, slot: string, fn: () => Promise<T>, opts: RunOptions & { onClaim?: (run: ClaimedRun) => void }): Promise<{ result: T } | null> {
  const instance = opts.instance ?? INSTANCE_ID;
  if (!(await claimRun(db, job, slot, { ...opts, instance }))) return null;
  let released = false;
  const run: ClaimedRun = {
    finish: (outcome) => mark(db, job, slot, instance, { outcome }),
    release: () => {
      released = true;
      return mark(db, job, slot, instance, 'release');
    },
  };
  opts.onClaim?.(run);
  const heart = setInterval(() => void mark(db, job, slot, instance, 'beat').catch(() => undefined), Math.max(1000, opts.staleAfterMs / 3));
  heart.unref();
  try {
    const result = await fn();
    await run.finish('ok');
    return { result };
  } catch (e) {
    // A released run (the instance is stopping) stays open for another instance to take over.
    if (!released) await run.finish(`failed: ${(e as Error).message.slice(0, 500)}`).catch(() => undefined);
    throw e;
  } finally {
    clearInterval(heart);
  }
}
