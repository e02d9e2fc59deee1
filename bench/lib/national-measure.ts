// The national benchmark's three measurements on one copy of the data, each against its baseline in the
// same run: the dashboard (figures + warnings of a scope, as bench/dashboard.ts requests them) against
// the plain scan of the same scope's figures (rollupQuery over every area, restricted to the scope's
// counties: PostgreSQL pushes the county filter into each part of the scan; planned without nested loops
// and JIT as the product plans its full refresh, src/modules/stats/repo/refresh.ts); the payroll of 2015-12 for
// every county (runPayroll, system scope, a county per chunk, as bench/payroll.ts runs it) against the
// raw INSERT … SELECT of the same lines into a table with the lines' own keys — partitioned like
// payroll_lines when the run's tables are — (bench/payroll.ts's BASELINE); the rescreen (real code)
// against bench/rescreen.ts's raw join (best of one run before and one after).
import { sql } from 'kysely';
import type { Database } from '../../src/db/engine.ts';
import { systemScope } from '../../src/kernel/scope.ts';
import { runPayroll, type RunResult } from '../../src/modules/payroll/service/run.ts';
import { rollupQuery } from '../../src/modules/stats/repo/compute.ts';
import { currentAssessment } from '../../src/modules/stats/service/figures.ts';
import { rescreen } from '../../src/modules/verification/service/rescreen.ts';
import { BARE, BASELINE as PAYROLL_BASELINE } from '../payroll.ts';
import { BASELINE as RESCREEN_BASELINE } from '../rescreen.ts';
import { DASHBOARD_RUNS, timeDashboard } from './dashboard-timing.ts';
import { seconds, timed } from './engines.ts';

const PERIOD = '2015-12';

export interface Timing { value: number; baseline: number }
export interface DashboardTiming extends Timing { area: string; name: string; p50: number }

/** The scopes of the dashboard: 黔南州, the prefecture with the most counties, and 都匀市. */
async function dashboardAreas(db: Database): Promise<{ code: string; name: string }[]> {
  const { rows } = await sql<{ code: string; name: string }>`
    (select code, name from areas where code = '522700')
    union all
    (select p.code, p.name from areas p join areas c on c.parent_code = p.code
     where p.level = 'prefecture' and p.code <> '522700' group by p.code, p.name order by count(*) desc, p.code limit 1)
    union all
    (select code, name from areas where code = '522701')`.execute(db.kysely);
  return rows;
}

const dibaoPersons = (rows: readonly { metric: string; stock: number | string | null }[]) =>
  rows.filter((r) => r.metric.startsWith('dibao.') && r.metric.endsWith('.persons')).reduce((a, r) => a + Number(r.stock ?? 0), 0);

export async function measureDashboard(db: Database): Promise<DashboardTiming[]> {
  const scope = systemScope('bench');
  const std = await currentAssessment(db);
  const out: DashboardTiming[] = [];
  for (const area of await dashboardAreas(db)) {
    const { p50, p95, persons } = await timeDashboard(db, scope, { year: 2015, area: area.code });
    const prefix = area.code.endsWith('00') ? area.code.slice(0, 4) : area.code;
    let baseline = Infinity;
    let basePersons = 0;
    for (let i = 0; i < 3; i++) {
      if (i > 0 && baseline > 60_000) break;
      // Planned without nested loops and without JIT, as the full refresh is (stats/repo/refresh.ts): the faster baseline.
      const b = await timed(() => db.kysely.transaction().execute(async (tx) => {
        await sql`set local enable_nestloop = off`.execute(tx);
        await sql`set local jit = off`.execute(tx);
        return sql<{ metric: string; stock: number }>`
          select metric, sum(value) filter (where length(period) = 7 and period <= '2015-12') as stock
          from (${rollupQuery(null, std)}) r where r.county_code like ${`${prefix}%`} group by 1`.execute(tx);
      }));
      baseline = Math.min(baseline, b.ms);
      basePersons = dibaoPersons(b.value.rows);
    }
    const t: DashboardTiming = { area: area.code, name: area.name, p50, value: p95, baseline };
    console.log(`  dashboard ${area.name} (${area.code}): p50 ${t.p50.toFixed(1)} ms, p95 ${t.value.toFixed(1)} ms (${DASHBOARD_RUNS} requests); plain scan ${baseline.toFixed(1)} ms; ratio ${(t.value / baseline).toFixed(4)}; 低保 persons ${persons} (scan ${basePersons})`);
    if (persons !== basePersons) throw new Error(`dashboard ${area.code}: roll-up ${persons} and plain scan ${basePersons} 低保 persons disagree`);
    out.push(t);
  }
  return out;
}

/** The baseline's table: the lines' own keys, hash-partitioned like payroll_lines when `partitions` > 1. */
async function baselineTables(db: Database, partitions: number): Promise<void> {
  const k = db.kysely;
  await sql.raw(`create table bench_payroll (like payroll_lines including all)${partitions > 1 ? ' partition by hash (county_code)' : ''}`).execute(k);
  for (let i = 0; i < (partitions > 1 ? partitions : 0); i++) {
    await sql.raw(`create table bench_payroll_p${i} partition of bench_payroll for values with (modulus ${partitions}, remainder ${i})`).execute(k);
  }
  await sql`create table bench_payroll_bare (like payroll_lines including defaults)`.execute(k);
}

export interface PayrollTiming extends Timing { bare: number; lines: number; payrolls: number; yuan: number }

export async function measurePayroll(db: Database, partitions: number): Promise<PayrollTiming> {
  const scope = systemScope('bench');
  await baselineTables(db, partitions);
  const b = await timed(() => sql.raw(PAYROLL_BASELINE).execute(db.kysely));
  const bb = await timed(() => sql.raw(BARE).execute(db.kysely));
  let last = performance.now();
  const p = await timed(() => runPayroll(db, scope, {
    period: PERIOD,
    onProgress: (done, total) => {
      if (performance.now() - last < 30_000) return;
      last = performance.now();
      console.log(`    payroll: ${done} of ${total} counties`);
    },
  }));
  const results: RunResult[] = p.value;
  const lines = results.reduce((n, r) => n + r.lines, 0);
  const net = results.reduce((n, r) => n + r.netFen, 0);
  const { rows } = await sql<{ n: number; fen: string }>`select count(*)::int as n, coalesce(sum(net_fen), 0)::bigint as fen from bench_payroll`.execute(db.kysely);
  const agree = Number(rows[0]?.n) === lines && Number(rows[0]?.fen) === net;
  console.log(`  payroll: ${results.length} payrolls, ${lines} lines, ${(net / 100).toFixed(0)} yuan; baseline ${rows[0]?.n} rows, ${(Number(rows[0]?.fen) / 100).toFixed(0)} yuan; agree: ${agree ? 'yes' : 'NO'}`);
  if (!agree) throw new Error('payroll and baseline disagree');
  console.log(`  payroll ${seconds(p.ms)} s, baseline ${seconds(b.ms)} s, ratio ${(p.ms / b.ms).toFixed(2)}; baseline without keys ${seconds(bb.ms)} s, ratio ${(p.ms / bb.ms).toFixed(2)}`);
  return { value: p.ms, baseline: b.ms, bare: bb.ms, lines, payrolls: results.length, yuan: Math.round(net / 100) };
}

export interface RescreenTiming extends Timing { cases: number; findings: number }

export async function measureRescreen(db: Database, planted: number): Promise<RescreenTiming> {
  const k = db.kysely;
  const baseline1 = await timed(() => sql.raw(RESCREEN_BASELINE).execute(k));
  const joined = Number((await sql<{ n: string }>`select count(*) as n from bench_join`.execute(k)).rows[0]!.n);
  await sql`drop table bench_join`.execute(k);
  const r = await timed(() => rescreen(db, systemScope('bench'), { trigger: 'bench', asOf: '2026-11-30' }));
  const baseline2 = await timed(() => sql.raw(RESCREEN_BASELINE).execute(k));
  await sql`drop table bench_join`.execute(k);
  const baseline = Math.min(baseline1.ms, baseline2.ms);
  const v = r.value;
  const agree = v.findings === joined;
  console.log(`  rescreen ${v.cases} cases, ${v.persons} persons → ${v.findings} findings, ${v.warnings} warnings; raw join ${joined} rows (of ${planted} planted hits on all members); agree: ${agree ? 'yes' : 'NO'}`);
  console.log(`  rescreen ${seconds(r.ms)} s, baseline ${seconds(baseline)} s (runs ${seconds(baseline1.ms)} / ${seconds(baseline2.ms)} s), ratio ${(r.ms / baseline).toFixed(2)}`);
  if (!agree) throw new Error(`rescreen findings ${v.findings}, raw join ${joined}`);
  return { value: r.ms, baseline, cases: v.cases, findings: v.findings };
}

export async function databaseBytes(db: Database): Promise<number> {
  const { rows } = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db.kysely);
  return Number(rows[0]!.n);
}
