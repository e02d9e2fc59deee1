// The dashboard's request as a benchmark times it: figures and warnings of one period and area, once to warm up,
// then RUNS times; shared by the dashboard and national benchmarks.
import type { Database } from '../../src/db/engine.ts';
import type { Scope } from '../../src/kernel/scope.ts';
import { figures } from '../../src/modules/stats/service/figures.ts';
import { warnings } from '../../src/modules/stats/service/warnings.ts';
import { timed } from './engines.ts';

export const DASHBOARD_RUNS = 40;

/** p50 and p95 in ms, and the 低保 persons the figures showed (checked against the benchmark's baseline). */
export async function timeDashboard(db: Database, scope: Scope, input: { year: number; area?: string }): Promise<{ p50: number; p95: number; persons: number }> {
  const request = () => Promise.all([figures(db, scope, input), warnings(db, scope, input)]);
  await request();
  const times: number[] = [];
  let persons = 0;
  for (let i = 0; i < DASHBOARD_RUNS; i++) {
    const r = await timed(request);
    times.push(r.ms);
    persons = r.value[0].programmes.find((p) => p.code === 'dibao')?.total.find((f) => f.key === 'persons')?.value ?? 0;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(DASHBOARD_RUNS * 0.5)] ?? 0, p95: times[Math.ceil(DASHBOARD_RUNS * 0.95) - 1] ?? 0, persons };
}
