// 医疗救助 (issue: premium subsidies and claims): two measures, each against its baseline in the same run,
// on the same data and engine.
// 1. Premium subsidy (bench/medical-subsidy.ts): generating, reviewing, approving and exporting the
//    insurer file of every county's list for ~300,000 recipients vs a raw INSERT … SELECT of the same rows
//    (target ≤ 2).
// 2. Settlement import (bench/medical-settlement.ts): a 100,000-row one-stop settlement file imported
//    (read, checked by row, written all-or-nothing) vs a raw COPY of the same rows (target ≤ 3).
// Options: --households N (subsidy registry, default 110,000 ≈ 300,000 persons), --settlement-households N
// (default 50,000), --rows N (default 100,000), --format csv|xlsx (insurer file, default csv), --only
// subsidy|settlement, --engines postgresql,pglite, --fresh, --prepare-only.
// The last line is the worse of the two ratios.
import { cacheArgs } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds } from './lib/engines.ts';
import { benchSettlement } from './medical-settlement.ts';
import { benchSubsidy } from './medical-subsidy.ts';

interface Part { name: string; engine: string; seconds: number; baselineSeconds: number; ratio: number; target: number }

export default async function bench(args: string[]): Promise<void> {
  const engines = benchEngines(args);
  const cache = cacheArgs(args);
  const only = benchArg(args, 'only');
  const format = benchArg(args, 'format') === 'xlsx' ? 'xlsx' : 'csv';
  const parts: Part[] = [];
  if (only !== 'settlement') {
    const households = Number(benchArg(args, 'households') ?? 110_000);
    for (const r of await benchSubsidy({ engines, households, format, cache })) parts.push({ name: `subsidy list (${r.persons} persons, ${format})`, engine: r.engine, seconds: r.seconds, baselineSeconds: r.baselineSeconds, ratio: r.ratio, target: 2 });
  }
  if (only !== 'subsidy') {
    const households = Number(benchArg(args, 'settlement-households') ?? 50_000);
    const rows = Number(benchArg(args, 'rows') ?? 100_000);
    for (const r of await benchSettlement({ engines, households, rows, cache })) parts.push({ name: `settlement import (${r.rows} rows)`, engine: r.engine, seconds: r.seconds, baselineSeconds: r.baselineSeconds, ratio: r.ratio, target: 3 });
  }
  for (const p of parts) console.log(`${p.engine}: ${p.name}: ${p.seconds.toFixed(2)} s, baseline ${p.baselineSeconds.toFixed(2)} s, ratio ${p.ratio.toFixed(2)} (target ≤ ${p.target})`);
  const worst = parts.reduce<Part | undefined>((w, p) => (!w || p.ratio / p.target > w.ratio / w.target ? p : w), undefined);
  if (worst) console.log(`medical: ${seconds(worst.seconds * 1000)} s, baseline ${seconds(worst.baselineSeconds * 1000)} s, ratio ${worst.ratio.toFixed(2)}`);
}
