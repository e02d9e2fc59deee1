// Bulk re-rating benchmark (批量调标): N households of the cached registry (bench/lib/cached-registry.ts),
// every one a 低保 recipient (loadDemoRecipients, dibaoPerMille 1000, approved 2015-11-10, payable from
// 2015-12; a cached stage), then 黔南州 raises the urban and rural standards from January 2016 and every
// county re-rates its recipients: draft (`draftRerate`: the SQL twin of the benefit over each county's
// registry, one item with its worksheet per recipient) and approval (`approveRerate`: a new entitlement
// per changed case, naming its item), the system scope, county after county, each its own transactions.
// Timed: the drafts and the approvals of all counties, apart.
// Baseline in the same run on the same data and engine: the same new amounts (the changed items, in a
// temporary table made beforehand, not timed) written by one raw `UPDATE entitlements … FROM` of the
// recipients' entitlements (append-only trigger disabled for it; the run's copy of the database is thrown away).
// The ratio is the approvals' — writing the drafted amounts, as the baseline writes amounts it is given —
// to the baseline; the drafts (computing every amount and its worksheet) are printed beside it, and the
// whole re-rating's ratio too.
// Options: --households N (default 300,000), --engines postgresql,pglite, --fresh, --prepare-only.
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { approveRerate, draftRerate, loadDemoRecipients } from '../src/modules/cases/index.ts';
import { cacheArgs, withRegistryDatabase, type Stage } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds, timed } from './lib/engines.ts';

const MONTH = '2016-01';

interface Figures { approvals: number; drafts: number; baseline: number }

const recipients = (households: number): Stage => ({
  key: `rerate-recipients-${households}`,
  prepare: async (db) => {
    const r = await loadDemoRecipients(db, systemScope('bench'), { dibaoPerMille: 1000, hardship: false, seed: 'bench-rerate', decidedOn: '2015-11-10' });
    await sql`analyze`.execute(db.kysely);
    console.log(`recipients: ${r.dibaoCases} 低保 cases`);
  },
});

async function run(db: Database, engine: string): Promise<Figures> {
  const scope = systemScope('bench');
  // The new standards of every county from January 2016 (yuan): urban 1500 a month, rural 15000 a year — high enough that
  // the formula finds most demo households eligible, so that most amounts change.
  const counties = (await sql<{ county_code: string }>`select distinct county_code from cases order by county_code`.execute(db.kysely)).rows.map((r) => r.county_code);
  for (const county of counties) {
    await sql`insert into policy_values (name, area, rule_set, effective, value, value_reference, origin, created_by) values
      ('dibao.standard.urban', ${county}, null, '2016-01-01', '1500', '基准测试：城市低保标准调整', 'api', 'bench'),
      ('dibao.standard.rural', ${county}, null, '2016-01-01', '15000', '基准测试：农村低保标准调整', 'api', 'bench')`.execute(db.kysely);
  }
  let draftMs = 0;
  let approveMs = 0;
  let items = 0;
  let changed = 0;
  for (const county of counties) {
    const d = await timed(() => draftRerate(db, scope, { programme: 'dibao', effectiveMonth: MONTH, reason: '基准测试：低保标准调整', county }));
    const a = await timed(() => approveRerate(db, scope, d.value.batchNo, { date: '2015-12-20' }));
    draftMs += d.ms;
    approveMs += a.ms;
    items += d.value.counts.items;
    changed += a.value.changed;
    console.log(`${engine}: ${county}: ${d.value.counts.items} recipients (${d.value.counts.up} up, ${d.value.counts.down} down, ${d.value.counts.unchanged} unchanged, ${d.value.counts.review} review): draft ${seconds(d.ms)} s, approve ${seconds(a.ms)} s`);
  }
  // The baseline: the same new amounts onto the recipients' entitlements with one raw UPDATE … FROM.
  const baseline = await db.kysely.transaction().execute(async (tx) => {
    await sql`create temporary table bench_new_amounts on commit drop as
      select i.county_code, i.entitlement_id, i.new_amount_fen from rerate_items i where i.outcome in ('up', 'down')`.execute(tx);
    await sql`alter table bench_new_amounts add primary key (county_code, entitlement_id)`.execute(tx);
    await sql`analyze bench_new_amounts`.execute(tx);
    await sql`alter table entitlements disable trigger entitlements_append_only`.execute(tx);
    const b = await timed(() => sql`update entitlements e set amount_fen = n.new_amount_fen from bench_new_amounts n
      where e.county_code = n.county_code and e.id = n.entitlement_id`.execute(tx));
    if (Number(b.value.numAffectedRows) !== changed) throw new Error(`baseline updated ${b.value.numAffectedRows} rows, re-rating changed ${changed}`);
    await sql`alter table entitlements enable trigger entitlements_append_only`.execute(tx);
    return b.ms;
  });
  console.log(`${engine}: ${counties.length} counties, ${items} recipients, ${changed} amounts changed: drafts ${seconds(draftMs)} s, approvals ${seconds(approveMs)} s; baseline UPDATE ${seconds(baseline)} s`);
  console.log(`${engine}: whole re-rating (drafts + approvals) ${seconds(draftMs + approveMs)} s, ratio ${((draftMs + approveMs) / baseline).toFixed(2)} to the baseline`);
  console.log(`${engine}: rerate approvals ${seconds(approveMs)} s, baseline ${seconds(baseline)} s, ratio ${(approveMs / baseline).toFixed(2)}`);
  return { approvals: approveMs, drafts: draftMs, baseline };
}

export default async function bench(args: string[]): Promise<void> {
  const households = Number(benchArg(args, 'households') ?? 300_000);
  let last: Figures | undefined;
  for (const engine of benchEngines(args)) {
    last = await withRegistryDatabase(engine, 'rerate', households, (db) => run(db, engine), cacheArgs(args, recipients(households)));
  }
  if (last) console.log(`rerate: ${seconds(last.approvals)} s, baseline ${seconds(last.baseline)} s, ratio ${(last.approvals / last.baseline).toFixed(2)}`);
}
