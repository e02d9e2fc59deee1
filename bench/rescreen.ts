// `npm run bench -- rescreen [--households N] [--records N] [--engines postgres,pglite]`: the rescreen
// (定期复核比对) of every current recipient against the latest partner data snapshots. Data: N demo
// households (default 300,000, the cached registry of bench/lib/cached-registry.ts), every one a 低保 recipient
// (loadDemoRecipients, 1000‰), and 10,000,000 partner records across the 12 sources, written set-based:
// planted hits on members (by ID number; by name + birth date for commercial insurance; relatives of
// village cadres and staff of the same village) and noise of persons outside the registry. Timed: the
// service `rescreen` (system scope, one run) against the baseline in the same run: the raw SQL join of
// the same members and the same latest snapshots into a table (best of one run before and one after).
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { loadDemoRecipients } from '../src/modules/cases/demo/recipients.ts';
import { SOURCES, type Source } from '../src/modules/verification/domain/sources.ts';
import { rescreen } from '../src/modules/verification/service/rescreen.ts';
import { cacheArgs, withRegistryDatabase, type Stage } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds, timed } from './lib/engines.ts';

/** Share of the 10 M records per source, and planted hits per 10,000 members. */
const PLAN: Record<Source, { share: number; hitsPer10k: number; item: string; amount: string | null }> = {
  hukou: { share: 0.2, hitsPer10k: 30, item: 'death', amount: null },
  tax: { share: 0.1, hitsPer10k: 200, item: 'income', amount: '(h % 2000000)' },
  social_insurance: { share: 0.15, hitsPer10k: 800, item: 'pension', amount: '(10000 + h % 20000)' },
  real_estate: { share: 0.1, hitsPer10k: 600, item: 'house', amount: '(40 + h % 120)' },
  business: { share: 0.05, hitsPer10k: 30, item: 'sole_trader', amount: '(h % 10000000)' },
  provident_fund: { share: 0.05, hitsPer10k: 50, item: 'contribution', amount: '(h % 300000)' },
  vehicles: { share: 0.08, hitsPer10k: 100, item: 'car', amount: null },
  bank_deposits: { share: 0.15, hitsPer10k: 800, item: 'deposit', amount: '(h % 800000)' },
  commercial_insurance: { share: 0.04, hitsPer10k: 100, item: 'policy', amount: '(h % 500000)' },
  securities: { share: 0.03, hitsPer10k: 20, item: 'securities', amount: '(h % 3000000)' },
  civil_servants: { share: 0.03, hitsPer10k: 20, item: 'staff', amount: null },
  village_cadres: { share: 0.02, hitsPer10k: 40, item: 'cadre', amount: null },
};
const KIN: readonly Source[] = ['civil_servants', 'village_cadres'];
const GRANTED = "('approved', 'suspended', 'gradual_exit', 'under_review')";

/** The raw join: the same members, the same latest snapshots, into a table. */
export const BASELINE = `
create table bench_join as
with s as (select distinct on (source) id, source from verification_snapshots order by source, version desc),
t as (select c.county_code, c.id as case_id, m.id as member_id, m.id_number, m.name, m.birth_date
      from cases c join members m on m.county_code = c.county_code and m.household_id = c.household_id where c.state in ${GRANTED})
select t.county_code, t.case_id, t.member_id, s.source, r.* from t join verification_records r on r.id_number = t.id_number join s on s.id = r.snapshot_id
union all
select t.county_code, t.case_id, t.member_id, s.source, r.* from t join verification_records r on r.id_number is null and r.name = t.name and r.birth_date = t.birth_date join s on s.id = r.snapshot_id`;

export async function loadPartnerData(db: Database, records: number): Promise<{ records: number; planted: number }> {
  const k = db.kysely;
  // Bulk load without the indexes, then build them (as a partner data import of this size would).
  await sql`alter table verification_records drop constraint verification_records_pkey`.execute(k);
  await sql`drop index verification_records_id_number`.execute(k);
  await sql`drop index verification_records_name_birth`.execute(k);
  let planted = 0;
  for (const source of SOURCES) {
    const p = PLAN[source];
    const n = Math.round(records * p.share);
    const snap = await sql<{ id: number }>`insert into verification_snapshots (source, version, snapshot_date, via, file_name, row_count, area_code, imported_by)
      values (${source}, 1, '2026-11-01', 'file', ${`bench-${source}.csv`}, ${n}, '522700', 'bench') returning id`.execute(k);
    const sid = Number(snap.rows[0]!.id);
    const kin = KIN.includes(source);
    const byName = source === 'commercial_insurance';
    const amount = p.amount ? sql.raw(p.amount) : sql`null::bigint`;
    // Planted hits: members chosen by a hash of their ID number and the source.
    const hits = await sql`insert into verification_records (snapshot_id, row_no, id_number, name, birth_date, item, amount, event_date, detail, official_id_number, official_name, area_code, relation)
      select ${sid}, row_number() over (), ${byName ? sql`null` : sql`x.id_number`}, x.name, x.birth_date, ${p.item}, ${amount}, ${source === 'hukou' ? sql`date '2026-10-01'` : sql`null::date`}, 'bench',
        ${kin ? sql`'110101196001011234'` : sql`null`}, ${kin ? sql`'王干部'` : sql`null`}, ${kin ? sql`x.village_code` : sql`null`}, ${kin ? sql`'sibling'` : sql`null`}
      from (select m.id_number, m.name, m.birth_date, h.village_code, abs(hashtext(m.id_number || ${source})) as h
            from members m join households h on h.county_code = m.county_code and h.id = m.household_id) x
      where x.h % 10000 < ${p.hitsPer10k}`.execute(k);
    const hit = Number(hits.numAffectedRows ?? 0n);
    planted += hit;
    // Noise: persons outside the registry (area prefix 110199, which no member has).
    await sql`insert into verification_records (snapshot_id, row_no, id_number, name, birth_date, item, amount, event_date, detail, official_id_number, official_name, area_code, relation)
      select ${sid}, ${hit} + g, ${byName ? sql`null` : sql`'110199' || to_char(date '1930-01-01' + (g % 29000), 'YYYYMMDD') || lpad((g / 29000 % 1000)::text, 3, '0') || (g % 10)::text`},
        '噪' || g, date '1930-01-01' + (g % 29000), ${p.item}, ${p.amount ? sql.raw(p.amount.replace('h', '(g::bigint * 7919)')) : sql`null::bigint`}, ${source === 'hukou' ? sql`date '2020-01-01'` : sql`null::date`}, null,
        ${kin ? sql`'110101196001011234'` : sql`null`}, ${kin ? sql`'王干部'` : sql`null`}, ${kin ? sql`'522701001001'` : sql`null`}, ${kin ? sql`'self'` : sql`null`}
      from generate_series(1, ${Math.max(0, n - hit)}) g`.execute(k);
    await sql`update verification_snapshots set row_count = ${Math.max(n, hit)} where id = ${sid}`.execute(k);
  }
  await sql`alter table verification_records add primary key (snapshot_id, row_no)`.execute(k);
  await sql`create index verification_records_id_number on verification_records (id_number, snapshot_id)`.execute(k);
  await sql`create index verification_records_name_birth on verification_records (name, birth_date) where id_number is null`.execute(k);
  await sql`analyze`.execute(k);
  const { rows } = await sql<{ n: string }>`select count(*) as n from verification_records`.execute(k);
  return { records: Number(rows[0]!.n), planted };
}

/** Recipients and partner data on top of the registry, cached per size (bench/lib/cached-registry.ts). */
const stage = (records: number): Stage => ({
  key: `rescreen-${records}`,
  async prepare(db) {
    await loadDemoRecipients(db, systemScope('bench'), { dibaoPerMille: 1000, hardship: false, seed: 'bench-rescreen', decidedOn: '2026-06-30' });
    const partner = await loadPartnerData(db, records);
    await sql`create table bench_rescreen_info as select ${partner.records}::bigint as records, ${partner.planted}::bigint as planted`.execute(db.kysely);
  },
});

async function run(db: Database, engine: string, households: number, members: number) {
  const info = await sql<{ records: string; planted: string; cases: string }>`
    select records, planted, (select count(*) from cases) as cases from bench_rescreen_info`.execute(db.kysely);
  const partner = { records: Number(info.rows[0]!.records), planted: Number(info.rows[0]!.planted) };
  console.log(`${engine}: ${households} households, ${members} members: ${info.rows[0]!.cases} recipient cases, ${partner.records} partner records (${partner.planted} planted hits)`);

  const baseline1 = await timed(() => sql.raw(BASELINE).execute(db.kysely));
  const joined = Number((await sql<{ n: string }>`select count(*) as n from bench_join`.execute(db.kysely)).rows[0]!.n);
  await sql`drop table bench_join`.execute(db.kysely);
  const steps: string[] = [];
  let mark = performance.now();
  const onProgress = (done: number) => {
    steps.push(`${done}: ${seconds(performance.now() - mark)}`);
    mark = performance.now();
  };
  const r = await timed(() => rescreen(db, systemScope('bench'), { trigger: 'bench', asOf: '2026-11-30', onProgress }));
  console.log(`${engine}: rescreen steps (s) ${steps.join(', ')}`);
  const baseline2 = await timed(() => sql.raw(BASELINE).execute(db.kysely));
  await sql`drop table bench_join`.execute(db.kysely);
  const again = await timed(() => rescreen(db, systemScope('bench'), { trigger: 'bench', asOf: '2026-11-30' }));
  const baseline = Math.min(baseline1.ms, baseline2.ms);
  const v = r.value;
  // Name + birth date hits may find a second member of the same name and birthday: the join is the reference.
  const agree = v.findings === joined && joined >= partner.planted;
  console.log(`${engine}: rescreen ${v.cases} cases, ${v.persons} persons → ${v.findings} findings (${v.casesWithFindings} cases with new findings), ${v.warnings} warnings, ${v.favouritism} favouritism flags; raw join ${joined} rows; planted ${partner.planted}; agree: ${agree ? 'yes' : 'NO'}`);
  const idle = again.value.increment;
  console.log(`${engine}: rescreen ${seconds(r.ms)} s, baseline ${seconds(baseline)} s (runs ${seconds(baseline1.ms)} / ${seconds(baseline2.ms)} s), ratio ${(r.ms / baseline).toFixed(2)}; second rescreen (nothing new: ${again.value.findings} findings, joined ${idle.freshCases} cases and ${idle.newSnapshots} new snapshots) ${seconds(again.ms)} s, ${(again.ms / baseline).toFixed(2)} of the baseline`);
  if (!agree) throw new Error(`${engine}: rescreen findings ${v.findings}, raw join ${joined}, planted ${partner.planted}`);
  if (again.value.findings !== 0 || idle.freshCases !== 0 || idle.newSnapshots !== 0) throw new Error(`${engine}: the second rescreen joined ${idle.freshCases} cases and ${idle.newSnapshots} snapshots, ${again.value.findings} findings`);
  return { rescreen: r.ms, baseline };
}

export default async function bench(args: string[]): Promise<void> {
  const households = Number(benchArg(args, 'households') ?? 300_000);
  const records = Number(benchArg(args, 'records') ?? 10_000_000);
  let last: { rescreen: number; baseline: number } | undefined;
  for (const engine of benchEngines(args)) {
    last = await withRegistryDatabase(engine, 'rescreen', households, (db, info) => run(db, engine, households, info.members), cacheArgs(args, stage(records)));
  }
  if (last) console.log(`rescreen: ${seconds(last.rescreen)} s, baseline ${seconds(last.baseline)} s, ratio ${(last.rescreen / last.baseline).toFixed(2)}`);
}
