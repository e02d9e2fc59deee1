// `npm run bench -- national`: the national shape (issue #24 item 6) — by default 10,000,000 households in
// 2,800 real counties of many prefectures on PostgreSQL, the data generated set-based and cached as template
// databases (bench/lib/national-data.ts), measured once per partition count: 1 = the tables as the
// migrations make them, N = every distributed table hash-partitioned on county_code into N partitions
// (src/db/partition.ts). Each count is a copy of its own cache, on which the dashboard, the payroll and the
// rescreen are timed against their baselines (bench/lib/national-measure.ts). A table per count prints each
// ratio, the seconds per county and the database's size. The last line is the payroll (the headline: every
// county's month, the national job that must scale) at the largest partition count.
// Options: --households N (10,000,000), --counties N (2,800), --records N (partner records; default the
// households), --partitions LIST (1,64), --fresh (rebuild the caches), --prepare-only (build them and stop).
// PostgreSQL only (BENCH_DATABASE_URL): PGlite serves one county-level office and is not partitioned.
import { withCachedCopy } from './lib/cached-registry.ts';
import { benchArg, seconds } from './lib/engines.ts';
import { prepareNational, readInfo, type NationalSize } from './lib/national-data.ts';
import { databaseBytes, measureDashboard, measurePayroll, measureRescreen, type DashboardTiming, type PayrollTiming, type RescreenTiming } from './lib/national-measure.ts';

interface Row { partitions: number; dashboard: DashboardTiming[]; payroll: PayrollTiming; rescreen: RescreenTiming; bytes: number; counties: number }

function positive(args: readonly string[], name: string, fallback: number): number {
  const raw = benchArg(args, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a positive integer, got ${raw}`);
  return n;
}

function partitionList(args: readonly string[]): number[] {
  const raw = benchArg(args, 'partitions') ?? '1,64';
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1 || n > 1024)) throw new Error(`--partitions: a list of integers 1–1024 (1 = not partitioned), got ${raw}`);
  return [...new Set(list)].sort((a, b) => a - b);
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
const ratio = (t: { value: number; baseline: number }, digits = 2) => (t.value / t.baseline).toFixed(digits);

function printTable(rows: readonly Row[]): void {
  console.log('\npartitions | payroll s (per county ms) | baseline s | ratio | dashboard p95 ms / scan ms = ratio (per scope) | rescreen s (per county ms) | baseline s | ratio | database GB');
  for (const r of rows) {
    const dash = r.dashboard.map((d) => `${d.area} ${d.value.toFixed(1)}/${d.baseline.toFixed(1)}=${ratio(d, 4)}`).join('; ');
    const perCounty = (ms: number) => (ms / r.counties).toFixed(1);
    console.log(`${r.partitions} | ${seconds(r.payroll.value)} (${perCounty(r.payroll.value)}) | ${seconds(r.payroll.baseline)} | ${ratio(r.payroll)} | ${dash} | ${seconds(r.rescreen.value)} (${perCounty(r.rescreen.value)}) | ${seconds(r.rescreen.baseline)} | ${ratio(r.rescreen)} | ${gb(r.bytes)}`);
  }
}

export default async function national(args: string[]): Promise<void> {
  const engines = benchArg(args, 'engines');
  if (engines !== undefined && engines.split(',').some((e) => e !== 'postgresql' && e !== 'postgres')) {
    throw new Error('national: PostgreSQL only (BENCH_DATABASE_URL) — PGlite serves one county-level office and its tables are not partitioned; drop --engines or pass --engines postgresql');
  }
  const households = positive(args, 'households', 10_000_000);
  const size: NationalSize = { households, counties: positive(args, 'counties', 2_800), records: positive(args, 'records', households) };
  const fresh = args.includes('--fresh');
  const rows: Row[] = [];
  for (const [i, partitions] of partitionList(args).entries()) {
    const t0 = performance.now();
    const id = await prepareNational('postgresql', size, partitions, fresh, i > 0);
    console.log(`national: ${partitions === 1 ? 'unpartitioned' : `${partitions} partitions`}: cache ready in ${seconds(performance.now() - t0)} s`);
    if (args.includes('--prepare-only')) continue;
    rows.push(await withCachedCopy('postgresql', id, `national_p${partitions}`, async (db) => {
      const info = await readInfo(db);
      console.log(`national: ${partitions} partition(s): ${info.households} households, ${info.members} members, ${info.counties} counties; ${info.dibao} 低保 and ${info.hardship} 特困 cases; ${info.records} partner records; copy ready in ${seconds(performance.now() - t0)} s`);
      const dashboard = await measureDashboard(db);
      const payroll = await measurePayroll(db, partitions);
      const rescreen = await measureRescreen(db, info.planted);
      return { partitions, dashboard, payroll, rescreen, bytes: await databaseBytes(db), counties: info.counties };
    }));
  }
  if (rows.length === 0) return;
  printTable(rows);
  const last = rows[rows.length - 1]!;
  console.log(`national: ${seconds(last.payroll.value)} s, baseline ${seconds(last.payroll.baseline)} s, ratio ${ratio(last.payroll)}`);
}
