// Settlement-import benchmark (一站式结算导入, src/modules/medical/service/settlements.ts): per engine, on a
// copy of the cached registry of N households (bench/lib/cached-registry.ts), a settlement file of ROWS
// rows (CSV) for registered members of the county with the most members — 低保边缘家庭成员 rows (a
// declared group, so no recipients are needed), several episodes per person at distinct admission dates
// and hospitals — is written to disk, then in the same run on the same database:
//   - import: `importSettlements` as the system scope, timed from reading the file from disk to the
//     commit (file parsing, every row check, the four set-based queries against the database, the
//     import row, the episodes into the ledger with its indexes and stats trigger, the audit entry);
//   - baseline: the same rows, already typed, as CSV, COPY'd raw into a scratch table with the ledger's
//     own keys (`like medical_episodes including all`: its primary key and indexes, no checks against
//     anything, no trigger), as the payroll benchmark's baseline has its table's keys — nothing read,
//     nothing checked. Also printed: the COPY into a table without keys or indexes, and the file's
//     parse alone (the kernel's table reader).
// Returns `{ engine, seconds, baselineSeconds, ratio, rows }` per engine; bench/medical.ts calls it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { csvLine } from '../src/kernel/files/csv.ts';
import { readTableFile } from '../src/kernel/files/table.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { SETTLEMENT_COLUMNS } from '../src/modules/medical/service/settlement-columns.ts';
import { importSettlements } from '../src/modules/medical/service/settlements.ts';
import { withRegistryDatabase, type CacheOptions } from './lib/cached-registry.ts';
import { seconds, timed, type BenchEngine } from './lib/engines.ts';

export interface SettlementBenchOptions {
  engines: readonly BenchEngine[];
  /** Households of the cached registry (default 50,000). */
  households?: number;
  /** Rows of the settlement file (default 100,000). */
  rows?: number;
  cache?: CacheOptions;
}

export interface SettlementBenchResult {
  engine: BenchEngine;
  seconds: number;
  baselineSeconds: number;
  ratio: number;
  rows: number;
}

const HOSPITALS = ['都匀市人民医院', '黔南州人民医院', '都匀市中医医院', '黔南州中医医院', '都匀市妇幼保健院', '广惠街道社区卫生服务中心'];
const BASELINE_COLUMNS = ['county_code', 'source', 'import_id', 'row_no', 'settlement_no', 'area_code', 'household_id', 'member_id', 'name', 'id_number', 'group', 'kind', 'critical',
  'hospital', 'admitted_on', 'discharged_on', 'year', 'total_cost_fen', 'basic_insurance_fen', 'critical_insurance_fen', 'eligible_self_pay_fen', 'assistance_fen', 'tilt_fen', 'settled_on', 'status'];

interface Person { id_number: string; name: string; member_id: number; household_id: number; village_code: string }

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The settlement file (CSV text) and the same rows typed, as COPY lines of the baseline. */
function writeRows(county: string, people: readonly Person[], rows: number): { file: string; copy: string } {
  const file: string[] = [csvLine(SETTLEMENT_COLUMNS.map((c) => c.header))];
  const copy: string[] = [];
  for (let i = 0; i < rows; i++) {
    const p = people[i % people.length]!;
    const round = Math.floor(i / people.length);
    const inpatient = i % 3 === 0;
    const admitted = day('2015-01-01', (round * 7 + (i % 5)) % 700);
    const discharged = inpatient ? day(admitted, 3 + (i % 9)) : admitted;
    const total = 20_000 + ((i * 7919) % 2_000_000);
    const basic = Math.floor(total * 0.55);
    const critical = inpatient ? Math.floor(total * 0.05) : 0;
    const selfPay = Math.floor(total * 0.3);
    const assistance = Math.floor(selfPay * 0.6);
    const tilt = i % 11 === 0 ? 5_000 : 0;
    const hospital = HOSPITALS[(i + round) % HOSPITALS.length]!;
    const no = `B${county}${String(i + 1).padStart(8, '0')}`;
    const kind = inpatient ? '住院' : '门诊';
    file.push(csvLine([no, p.name, p.id_number, '低保边缘家庭成员', hospital, kind, i % 17 === 0 ? '是' : '否', admitted, inpatient ? discharged : '', discharged,
      yuan(total), yuan(basic), yuan(critical), yuan(selfPay), yuan(assistance), yuan(tilt)]));
    copy.push(`${csvLine([county, 'settlement', 1, i + 2, no, p.village_code, p.household_id, p.member_id, p.name, p.id_number, 'near_dibao', inpatient ? 'inpatient' : 'outpatient',
      i % 17 === 0 ? 't' : 'f', hospital, admitted, discharged, Number(discharged.slice(0, 4)), total, basic, critical, selfPay, assistance, tilt, discharged, 'paid'])}\n`);
  }
  return { file: `${file.join('\r\n')}\r\n`, copy: copy.join('') };
}

async function run(db: Database, engine: BenchEngine, rows: number): Promise<SettlementBenchResult> {
  const { rows: counties } = await sql<{ county_code: string; n: number }>`select county_code, count(*)::int as n from members group by 1 order by 2 desc limit 1`.execute(db.kysely);
  const county = counties[0]!.county_code;
  const { rows: people } = await sql<Person>`
    select m.id_number, m.name, m.id as member_id, m.household_id, h.village_code
    from members m join households h on h.county_code = m.county_code and h.id = m.household_id
    where m.county_code = ${county} order by m.id limit ${rows}`.execute(db.kysely);
  const made = writeRows(county, people, rows);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-bench-settlement-'));
  const file = path.join(dir, `settlements-${rows}.csv`);
  fs.writeFileSync(file, made.file);
  console.log(`${engine}: county ${county}, ${people.length} members, ${rows} rows (${(made.file.length / 1e6).toFixed(1)} M characters)`);
  try {
    const columns = BASELINE_COLUMNS.map((c) => (c === 'group' ? '"group"' : c));
    await sql`create table bench_settlement_copy (like medical_episodes including all)`.execute(db.kysely);
    await sql`create table bench_settlement_bare (like medical_episodes including defaults)`.execute(db.kysely);
    const baseline = await timed(() => db.copyCsv('bench_settlement_copy', columns, made.copy));
    const bare = await timed(() => db.copyCsv('bench_settlement_bare', columns, made.copy));
    const parse = await timed(async () => readTableFile(fs.readFileSync(file), 'csv'));
    const imported = await timed(async () => importSettlements(db, systemScope('bench'), fs.readFileSync(file), { countyCode: county, format: 'csv', fileName: path.basename(file) }));
    if (imported.value.rows !== rows || baseline.value !== rows) throw new Error(`${engine}: imported ${imported.value.rows}, baseline ${baseline.value} of ${rows} rows`);
    const ratio = imported.ms / baseline.ms;
    console.log(`${engine}: import ${seconds(imported.ms)} s, baseline COPY ${seconds(baseline.ms)} s, ratio ${ratio.toFixed(2)}; COPY without keys ${seconds(bare.ms)} s (ratio ${(imported.ms / bare.ms).toFixed(2)}); the file's parse alone ${seconds(parse.ms)} s (import ÷ (parse + COPY) ${(imported.ms / (parse.ms + baseline.ms)).toFixed(2)})`);
    return { engine, seconds: imported.ms / 1000, baselineSeconds: baseline.ms / 1000, ratio, rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSettlement(opts: SettlementBenchOptions): Promise<SettlementBenchResult[]> {
  const households = opts.households ?? 50_000;
  const rows = opts.rows ?? 100_000;
  const out: SettlementBenchResult[] = [];
  for (const engine of opts.engines) {
    const r = await withRegistryDatabase(engine, 'medical_settlement', households, (db) => run(db, engine, rows), opts.cache ?? {});
    if (r) out.push(r);
  }
  return out;
}
