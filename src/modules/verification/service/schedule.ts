// The scheduled rescreen: an in-process daily timer started by `serve` when JIUZHU_RESCREEN_AT=HH:MM
// (China time, checked by loadConfig) is set; it runs the same rescreen as `jiuzhu verify rescreen`, as the system.
import type { Database } from '../../../db/engine.ts';
import { systemScope } from '../../../kernel/scope.ts';
import { rescreen } from './rescreen.ts';

/** Milliseconds from `now` to the next HH:MM in Asia/Shanghai (UTC+8, no daylight saving). */
export function msUntil(at: string, now: Date = new Date()): number {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const next = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), h, m) - 8 * 3_600_000;
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

/** Starts the daily rescreen; returns a function that stops it. */
export function startRescreenSchedule(db: Database, at: string, log: (m: string) => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  const plan = () => {
    timer = setTimeout(() => void tick(), msUntil(at));
    timer.unref();
  };
  const tick = async () => {
    if (!running) {
      running = true;
      try {
        const r = await rescreen(db, systemScope('rescreen-schedule'), { trigger: 'schedule' });
        log(`rescreen ${r.rescreenId}: ${r.cases} cases, ${r.findings} new findings, ${r.warnings} warnings, ${r.favouritism} favouritism flags in ${r.seconds.toFixed(1)} s`);
      } catch (e) {
        log(`rescreen failed: ${(e as Error).message}`);
      } finally {
        running = false;
      }
    }
    plan();
  };
  plan();
  log(`daily rescreen at ${at} (Asia/Shanghai)`);
  return () => {
    if (timer) clearTimeout(timer);
  };
}
