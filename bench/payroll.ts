// Payroll benchmark: N households (the cached registry, bench/lib/cached-registry.ts) all made dibao recipients (loadDemoRecipients,
// dibaoPerMille 1000, approved 2015-11-10, payable from 2015-12), then the payroll of 2015-12 for the
// whole prefecture (`runPayroll`, system scope: every county, a county per chunk, each its own
// transaction) against the raw baseline in the same run on the same data and engine: one
// `INSERT … SELECT` of the period's amounts from the same source, `entitlement_segments` (the monthly
// segments holding the period), with payee name, ID number, payee, method, and account from the
// household, into a table with the lines' own keys (`like payroll_lines including all`: the unique key
// per programme, period and recipient, the primary key). The same INSERT into a table without keys is
// printed too. Best of `--repeat` (default 2; the payroll is discarded and its tables vacuumed between
// repeats, as the baseline's are truncated). The run fails if lines or amounts differ from the baseline.
// Options: --households N (default 300,000), --engines postgresql,pglite, --repeat N, --fresh (rebuild the cache).
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { loadDemoRecipients } from '../src/modules/cases/demo/recipients.ts';
import { approvePayroll, discardPayroll } from '../src/modules/payroll/service/payrolls.ts';
import { runPayroll, type RunResult } from '../src/modules/payroll/service/run.ts';
import { cacheArgs, withRegistryDatabase } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds, timed } from './lib/engines.ts';

const PERIOD = '2015-12';

const SELECT = `
select s.county_code, 0::bigint, '${PERIOD}', s.programme, s.recipient_id, s.household_id, s.case_id,
  left(h.village_code, 9), h.village_code, s.payee_name, s.payee_id_number, h.bank_name, h.bank_account, s.payee, s.method,
  s.amount_fen, 0, 0, 0, 0, s.amount_fen
from entitlement_segments s
join households h on h.county_code = s.county_code and h.id = s.household_id
where s.schedule = 'monthly' and s.from_month <= '${PERIOD}' and (s.until_month is null or s.until_month >= '${PERIOD}') and s.amount_fen > 0`;
const COLUMNS = '(county_code, payroll_id, period, programme, recipient_id, household_id, case_id, township_code, area_code, name, id_number, bank_name, bank_account, payee, method, regular_fen, arrears_fen, one_off_fen, reissue_fen, deduction_fen, net_fen)';
/** The baseline: the month's amounts straight into a table with the lines' own keys (like payroll_lines). */
export const BASELINE = `insert into bench_payroll ${COLUMNS} ${SELECT}`;
/** For reference: the same into a table without any key or index. */
export const BARE = `insert into bench_payroll_bare ${COLUMNS} ${SELECT}`;

interface Figures { payroll: number; baseline: number }

async function run(db: Database, engine: string, households: number, repeat: number): Promise<Figures> {
  const t0 = performance.now();
  const scope = systemScope('bench');
  const r = await loadDemoRecipients(db, scope, { dibaoPerMille: 1000, hardship: true, seed: 'bench-payroll', decidedOn: '2015-11-10' });
  await sql`analyze`.execute(db.kysely);
  console.log(`${engine}: ${households} households: ${r.dibaoCases} dibao and ${r.hardshipCases} hardship recipients approved in ${seconds(performance.now() - t0)} s`);
  await sql`create table bench_payroll (like payroll_lines including all)`.execute(db.kysely);
  await sql`create table bench_payroll_bare (like payroll_lines including defaults)`.execute(db.kysely);
  let payroll = Infinity;
  let baseline = Infinity;
  let bare = Infinity;
  let results: RunResult[] = [];
  for (let i = 0; i < repeat; i++) {
    await sql`truncate bench_payroll, bench_payroll_bare`.execute(db.kysely);
    const b = await timed(() => sql.raw(BASELINE).execute(db.kysely));
    baseline = Math.min(baseline, b.ms);
    const bb = await timed(() => sql.raw(BARE).execute(db.kysely));
    bare = Math.min(bare, bb.ms);
    if (i > 0) {
      for (const p of results) await discardPayroll(db, scope, p.payrollNo);
      // as the baseline's tables are truncated, the payroll's lose the dead rows of the discarded run (PGlite has no autovacuum)
      await sql`vacuum payroll_lines, payroll_totals, payroll_chunks, payroll_entitlement_payments, payrolls`.execute(db.kysely);
    }
    const p = await timed(() => runPayroll(db, scope, { period: PERIOD }));
    payroll = Math.min(payroll, p.ms);
    results = p.value;
    console.log(`${engine}: repeat ${i + 1}: payroll ${seconds(p.ms)} s, baseline ${seconds(b.ms)} s (without keys ${seconds(bb.ms)} s)`);
  }
  const lines = results.reduce((n, p) => n + p.lines, 0);
  const net = results.reduce((n, p) => n + p.netFen, 0);
  const { rows } = await sql<{ n: number; fen: number }>`select count(*)::int as n, coalesce(sum(net_fen), 0)::bigint as fen from bench_payroll`.execute(db.kysely);
  const agree = Number(rows[0]?.n) === lines && Number(rows[0]?.fen) === net;
  console.log(`${engine}: ${results.length} payrolls, ${lines} lines, ${(net / 100).toFixed(0)} yuan; baseline ${rows[0]?.n} rows, ${(Number(rows[0]?.fen) / 100).toFixed(0)} yuan; agree: ${agree ? 'yes' : 'NO'}`);
  if (!agree) throw new Error(`${engine}: payroll and baseline disagree`);
  const a = await timed(async () => { for (const p of results) await approvePayroll(db, scope, p.payrollNo); });
  console.log(`${engine}: approval of the ${results.length} payrolls (ledger posting, not in the ratio) ${seconds(a.ms)} s`);
  console.log(`${engine}: payroll ${seconds(payroll)} s, baseline ${seconds(baseline)} s, ratio ${(payroll / baseline).toFixed(2)}; baseline without keys ${seconds(bare)} s, ratio ${(payroll / bare).toFixed(2)}`);
  return { payroll, baseline };
}

export default async function bench(args: string[]): Promise<void> {
  const households = Number(benchArg(args, 'households') ?? 300_000);
  const repeat = Number(benchArg(args, 'repeat') ?? 2);
  let last: Figures | undefined;
  for (const engine of benchEngines(args)) {
    last = await withRegistryDatabase(engine, 'payroll', households, (db) => run(db, engine, households, repeat), cacheArgs(args));
  }
  if (last) console.log(`payroll: ${seconds(last.payroll)} s, baseline ${seconds(last.baseline)} s, ratio ${(last.payroll / last.baseline).toFixed(2)}`);
}
