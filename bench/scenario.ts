// Loading the seed's year (`jiuzhu demo --scenario qiannan-2015`, issue 20: "< 10 min on PostgreSQL and on
// PGlite"), on a fresh database per engine: migrations, then `loadQiannan2015` timed as a whole and per stage
// (areas, 2014 parameters, nursing homes, households, caseload import, re-rating), then the annual report of
// 黔南州 for 2015 (its first statistics roll-up included), untimed in the ratio. The target is a fixed limit,
// not a measurement: the last line's baseline is the 600 s limit.
// Options: --scale R (default 1), --engines postgresql,pglite (default both).
import { migrate } from '../src/db/migrate.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { syncProgrammes } from '../src/modules/cases/index.ts';
import { annualReport } from '../src/modules/stats/index.ts';
import { loadQiannan2015, type ScenarioResult } from '../src/scenarios/index.ts';
import { benchArg, benchEngines, seconds, timed, withBenchDatabase, type BenchEngine } from './lib/engines.ts';

const LIMIT_MS = 600_000;

export default async function bench(args: string[]): Promise<void> {
  const scale = Number(benchArg(args, 'scale') ?? 1);
  const results: { engine: BenchEngine; ms: number; reportMs: number; r: ScenarioResult }[] = [];
  for (const engine of benchEngines(args)) {
    const r = await withBenchDatabase(engine, 'scenario', async (db) => {
      await migrate(db);
      await syncProgrammes(db);
      const load = await timed(() => loadQiannan2015(db, { scale }));
      const report = await timed(() => annualReport(db, systemScope('bench'), { year: 2015, area: '522700' }));
      return { engine, ms: load.ms, reportMs: report.ms, r: load.value, counts: report.value.counts };
    });
    const stages = Object.entries(r.r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
    console.log(`${engine}: ${r.r.households} households, ${r.r.members} members, cases 低保 ${r.r.cases.dibao} / 特困 ${r.r.cases.hardship}, re-rated ${r.r.rerated.changed}`);
    console.log(`${engine}: scenario ${seconds(r.ms)} s (${stages}); annual report ${seconds(r.reportMs)} s — ${r.counts}`);
    results.push(r);
  }
  for (const r of results) console.log(`${r.engine}: scenario ${seconds(r.ms)} s, limit ${seconds(LIMIT_MS)} s, ratio ${(r.ms / LIMIT_MS).toFixed(2)}`);
  const last = results.at(-1);
  if (last) console.log(`scenario: ${seconds(last.ms)} s, baseline ${seconds(LIMIT_MS)} s, ratio ${(last.ms / LIMIT_MS).toFixed(2)}`);
}
