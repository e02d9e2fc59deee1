// Dashboard figures from the roll-up against the plain aggregate scan of the same figures, same run.
// Each engine: a copy of the cached registry (黔南州, parameters, N demo households; bench/lib/cached-registry.ts), demo recipients (15%
// dibao households, every three-nos member a 特困 person), one full roll-up refresh. Then the
// dashboard request (figures + warnings for the prefecture, 2015, with the dirty-area check) is
// timed RUNS times (p50/p95), and the baseline — the same metrics aggregated straight from
// entitlements, households, members, income items, cases, intake, complaints, payroll and verification
// (rollupQuery over every area, not stored) — three times (best; once when it takes over a minute).
// The two must agree on the prefecture's dibao persons.
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { loadDemoRecipients } from '../src/modules/cases/demo/recipients.ts';
import { rollupQuery } from '../src/modules/stats/repo/compute.ts';
import { currentAssessment, refresh } from '../src/modules/stats/service/figures.ts';
import { cacheArgs, withRegistryDatabase } from './lib/cached-registry.ts';
import { DASHBOARD_RUNS, timeDashboard } from './lib/dashboard-timing.ts';
import { benchArg, benchEngines, seconds, timed, type BenchEngine } from './lib/engines.ts';


async function run(db: Database, engine: BenchEngine, households: number, members: number): Promise<{ p95: number; baseline: number }> {
  const scope = systemScope('bench');
  const t0 = performance.now();
  const rec = await loadDemoRecipients(db, scope, { dibaoPerMille: 150, hardship: true, seed: 'bench', decidedOn: '2015-03-10' });
  await sql`analyze`.execute(db.kysely);
  console.log(`${engine}: ${households} households, ${members} members: ${rec.dibaoCases} dibao and ${rec.hardshipCases} hardship cases approved in ${seconds(performance.now() - t0)} s (stats triggers on)`);
  const full = await timed(() => refresh(db));
  console.log(`${engine}: first roll-up refresh (every area) ${seconds(full.ms)} s, ${full.value?.rows ?? 0} rows`);

  const { p50, p95, persons } = await timeDashboard(db, scope, { year: 2015 });

  const std = await currentAssessment(db);
  let baseline = Infinity;
  let basePersons = 0;
  // Best of three; one run when a scan takes over a minute (3,000,000 households).
  for (let i = 0; i < 3; i++) {
    if (i > 0 && baseline > 60_000) break;
    const b = await timed(() => sql<{ county: string; metric: string; stock: number }>`
      select county_code as county, metric, sum(value) filter (where length(period) = 7 and period <= '2015-12') as stock
      from (${rollupQuery(null, std)}) r group by 1, 2`.execute(db.kysely));
    baseline = Math.min(baseline, b.ms);
    basePersons = b.value.rows.filter((r) => r.metric.startsWith('dibao.') && r.metric.endsWith('.persons')).reduce((a, r) => a + Number(r.stock ?? 0), 0);
  }
  console.log(`${engine}: dashboard p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${DASHBOARD_RUNS} requests); baseline ${baseline.toFixed(1)} ms; ratio ${(p95 / baseline).toFixed(4)}; dibao persons ${persons} (baseline ${basePersons})`);
  if (persons !== basePersons) throw new Error(`${engine}: roll-up and baseline disagree`);
  return { p95, baseline };
}

export default async function dashboard(args: string[]): Promise<void> {
  const pgHouseholds = Number(benchArg(args, 'households') ?? 3_000_000);
  const pgliteHouseholds = Number(benchArg(args, 'pglite-households') ?? 300_000);
  const results: Record<string, { p95: number; baseline: number }> = {};
  for (const engine of benchEngines(args)) {
    const n = engine === 'postgresql' ? pgHouseholds : pgliteHouseholds;
    const r = await withRegistryDatabase(engine, 'dashboard', n, (db, info) => run(db, engine, n, info.members), cacheArgs(args));
    if (r) results[engine] = r;
  }
  const last = results['postgresql'] ?? Object.values(results)[0];
  if (!last) return;
  console.log(`dashboard: ${last.p95.toFixed(1)} ms, baseline ${last.baseline.toFixed(1)} ms, ratio ${(last.p95 / last.baseline).toFixed(4)}`);
}
