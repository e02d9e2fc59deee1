// The scheduled rescreen: an in-process daily timer started by `serve` when JIUZHU_RESCREEN_AT=HH:MM
// (China time, checked by loadConfig) is set; it runs the same rescreen as `jiuzhu verify rescreen`, as the system.
// With several instances on one database every one keeps the timer, and the day's run is claimed by one of them
// (src/db/job-runs.ts): the others log that it is taken.
import type { Database } from '../../../db/engine.ts';
import { runOnce, type ClaimedRun } from '../../../db/job-runs.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { systemScope } from '../../../kernel/scope.ts';
import { rescreen } from './rescreen.ts';

/** A rescreen claim whose instance stopped beating for this long is taken over by another instance. */
const STALE_AFTER_MS = 120_000;

/** One scheduled rescreen for today (China time), run by whichever instance claims the day first. */
export async function scheduledRescreen(db: Database, log: (m: string) => void, onClaim?: (run: ClaimedRun) => void, day = todayInChina()): Promise<boolean> {
  const ran = await runOnce(db, 'rescreen', day, () => rescreen(db, systemScope('rescreen-schedule'), { trigger: 'schedule' }), { staleAfterMs: STALE_AFTER_MS, ...(onClaim ? { onClaim } : {}) });
  if (!ran) {
    log(`rescreen for ${day}: run by another instance`);
    return false;
  }
  const r = ran.result;
  log(`rescreen ${r.rescreenId}: ${r.cases} cases, ${r.findings} new findings, ${r.warnings} warnings, ${r.favouritism} favouritism flags in ${r.seconds.toFixed(1)} s`);
  return true;
}

/** Milliseconds from `now` to the next HH:MM (or HH:MM:SS) in Asia/Shanghai (UTC+8, no daylight saving). */
export function msUntil(at: string, now: Date = new Date()): number {
  const [h, m, sec = 0] = at.split(':').map(Number) as [number, number, number?];
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const next = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), h, m, sec) - 8 * 3_600_000;
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

/** Starts the daily rescreen; returns a function that stops it and releases a run in flight to another instance. */
export function startRescreenSchedule(db: Database, at: string, log: (m: string) => void): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: ClaimedRun | null = null;
  const plan = () => {
    timer = setTimeout(() => void tick(), msUntil(at));
    timer.unref();
  };
  const tick = async () => {
    if (!running) {
      running = true;
      try {
        await scheduledRescreen(db, log, (run) => {
          inFlight = run;
        });
      } catch (e) {
        log(`rescreen failed: ${(e as Error).message}`);
      } finally {
        running = false;
        inFlight = null;
      }
    }
    plan();
  };
  plan();
  log(`daily rescreen at ${at} (Asia/Shanghai)`);
  return async () => {
    if (timer) clearTimeout(timer);
    const run: ClaimedRun | null = inFlight;
    if (run) await run.release().catch(() => undefined);
  };
}
