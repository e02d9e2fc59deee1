// Caseload import (存量对象导入, issue 20): a previous system's file of N cases (default 100,000: one per
// household of a cached registry of N demo households; every 10th household's head a 特困 person in
// 分散供养, the others 低保 households of A/B/C类, approved 2015-01 … 2015-11 at amounts that mostly differ
// from the formula) written as CSV, then in the same run on the same database:
//   - import: `importCaseload` as the system scope over every county, timed from reading the file from disk
//     to the commit: parsing, every row's checks, the registry rows of every household (one query per
//     table) and the programme's formula on them (the amount warnings), the open-cases check, one
//     transaction writing a case, a `migrate` transition, a `migration` decision and an entitlement per row
//     (computed in Node, inserted from arrays, with the tables' keys, foreign keys, indexes and statistics
//     triggers), audit;
//   - baseline: a raw COPY of exactly the rows the import wrote (cases, transitions, decisions,
//     entitlements) into tables with the same keys and indexes (`like … including all`; no triggers or
//     foreign keys), as the settlement benchmark's baseline has its ledger's keys — "a raw COPY of the same
//     rows": what the import writes, without reading, checking or relating anything;
//   - printed beside it: a raw COPY of the N file rows, typed (no labels, amounts in fen, dates), into one
//     plain table of the file's columns — no keys, nothing read, nothing checked (the strict reading, which
//     no import that writes four keyed tables can come within 3× of).
// Engines: PGlite by default; PostgreSQL too when BENCH_DATABASE_URL is set (or `--engines`).
// Options: --households N, --engines postgresql,pglite, --fresh, --prepare-only.
// Last line: `caseload: <import> s, baseline <keyed COPY> s, ratio <r>` of the last engine run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { csvLine } from '../src/kernel/files/csv.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { importCaseload } from '../src/modules/caseload/index.ts';
import { CASELOAD_COLUMNS } from '../src/modules/caseload/columns.ts';
import { cacheArgs, withRegistryDatabase } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds, timed, type BenchEngine } from './lib/engines.ts';
import { serverCpu } from './lib/server-cpu.ts';

interface Head { household_no: string; id_number: string }
interface Result { engine: BenchEngine; importMs: number; baselineMs: number; keyedMs: number; rows: number; warnings: number }

const CATEGORIES = ['A类', 'B类', 'C类'];
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The file (CSV text) and the same rows typed, as COPY lines of the baseline's plain table. */
export function writeRows(heads: readonly Head[]): { file: string; copy: string } {
  const file: string[] = [csvLine(CASELOAD_COLUMNS.map((c) => c.header))];
  const copy: string[] = [];
  heads.forEach((h, i) => {
    const hardship = i % 10 === 9;
    const approved = `2015-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const review = i % 3 === 0 ? `2015-11-${String(1 + (i % 28)).padStart(2, '0')}` : '';
    const amount = hardship ? 18_334 : 10_000 + ((i * 7919) % 90_000);
    const category = hardship ? '分散供养' : CATEGORIES[i % 3]!;
    file.push(csvLine([h.household_no, hardship ? '特困' : '低保', category, '', hardship ? h.id_number : '', '', approved, yuan(amount), review]));
    copy.push(`${csvLine([i + 2, h.household_no, hardship ? 'hardship' : 'dibao', category, '', hardship ? h.id_number : '', '', approved, amount, review])}\n`);
  });
  return { file: `${file.join('\r\n')}\r\n`, copy: copy.join('') };
}

const WRITTEN = ['cases', 'case_transitions', 'case_decisions', 'entitlements'] as const;

/** The rows the import wrote, as CSV per table (read back, untimed), for the keyed reference COPY. */
async function writtenRows(db: Database): Promise<Map<string, { columns: string[]; csv: string }>> {
  const out = new Map<string, { columns: string[]; csv: string }>();
  for (const t of WRITTEN) {
    const { rows } = await sql<{ cols: string }>`select string_agg(column_name, ',' order by ordinal_position) as cols
      from information_schema.columns where table_name = ${t} and table_schema = current_schema()`.execute(db.kysely);
    const columns = rows[0]!.cols.split(',');
    const data = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db.kysely);
    out.set(t, { columns, csv: data.rows.map((r) => `${columns.map((c) => cell(r[c])).join(',')}\n`).join('') });
  }
  return out;
}

/** A value as COPY's CSV reads it back: null an empty unquoted field, everything else quoted. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = v instanceof Date ? v.toISOString() : Array.isArray(v) ? `{${v.join(',')}}` : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

async function run(db: Database, engine: BenchEngine): Promise<Result> {
  const { rows: heads } = await sql<Head>`
    select h.household_no, m.id_number from households h
    join members m on m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' order by h.county_code, h.id`.execute(db.kysely);
  const made = writeRows(heads);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-bench-caseload-'));
  const file = path.join(dir, `caseload-${heads.length}.csv`);
  fs.writeFileSync(file, made.file);
  console.log(`${engine}: ${heads.length} rows (${(made.file.length / 1e6).toFixed(1)} M characters)`);
  try {
    await sql`create table bench_caseload_copy (row_no int, household_no text, programme text, category text, institution text, id_number text, members text, approved_on date, amount_fen bigint, last_review_on date)`.execute(db.kysely);
    const baseline = await timed(() => db.copyCsv('bench_caseload_copy', ['row_no', 'household_no', 'programme', 'category', 'institution', 'id_number', 'members', 'approved_on', 'amount_fen', 'last_review_on'], made.copy));
    // Where the import's time goes: the first report of each phase (checking the file, staging, writing).
    const began = new Map<string, number>();
    // …and the process's CPU time (the engine runs in it on PGlite): on a shared machine the wall time varies 3×.
    const cpuAt = new Map<string, number>();
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const onProgress = (phase: string) => void (began.has(phase) || (began.set(phase, performance.now()), cpuAt.set(phase, cpu())));
    const importServer = await serverCpu(db);
    const start = performance.now();
    const cpuStart = cpu();
    const imported = await timed(async () => importCaseload(db, systemScope('bench'), fs.readFileSync(file), { format: 'csv', fileName: path.basename(file), firstMonth: '2015-12', onProgress }));
    const at = (phase: string) => began.get(phase) ?? start;
    const cpuEnd = cpu();
    const importServerCpu = await importServer.stop();
    const cpuOf = (phase: string) => cpuAt.get(phase) ?? cpuStart;
    const phases = `check ${seconds(at('stage') - start)} s, stage ${seconds(at('write') - at('stage'))} s, write ${seconds(start + imported.ms - at('write'))} s; `
      + `CPU check ${seconds(cpuOf('stage') - cpuStart)} s, stage ${seconds(cpuOf('write') - cpuOf('stage'))} s, write ${seconds(cpuEnd - cpuOf('write'))} s; load ${os.loadavg()[0]!.toFixed(1)}`;
    const r = imported.value;
    if (r.imported.dibao + r.imported.hardship !== heads.length || baseline.value !== heads.length) throw new Error(`${engine}: imported ${r.imported.dibao + r.imported.hardship}, baseline ${baseline.value} of ${heads.length} rows`);
    const written = await writtenRows(db);
    let keyedMs = 0;
    const keyedServer = await serverCpu(db);
    const keyedCpu = cpu();
    for (const t of WRITTEN) {
      await sql`create table ${sql.table(`bench_${t}`)} (like ${sql.table(t)} including all)`.execute(db.kysely);
      const w = written.get(t)!;
      keyedMs += (await timed(() => db.copyCsv(`bench_${t}`, w.columns, w.csv))).ms;
    }
    const keyedCpuMs = cpu() - keyedCpu;
    const keyedServerCpu = await keyedServer.stop();
    // PostgreSQL on this machine: the process's and the server's CPU together, the import's to the baseline's.
    const server = importServerCpu === null || keyedServerCpu === null ? ''
      : `; server CPU import ${importServerCpu.toFixed(2)} s, baseline ${keyedServerCpu.toFixed(2)} s, CPU ratio with the server's ${(((cpuEnd - cpuStart) / 1000 + importServerCpu) / (keyedCpuMs / 1000 + keyedServerCpu)).toFixed(2)}`;
    console.log(`${engine}: import ${seconds(imported.ms)} s (${phases}; ${r.imported.dibao} 低保, ${r.imported.hardship} 特困, ${r.warningCount} amount warnings); `
      + `baseline COPY of the file's rows into a plain table ${seconds(baseline.ms)} s, ratio ${(imported.ms / baseline.ms).toFixed(2)}; `
      + `COPY of the written rows into the four tables' keyed copies ${seconds(keyedMs)} s (CPU ${seconds(keyedCpuMs)} s), ratio ${(imported.ms / keyedMs).toFixed(2)}, CPU ratio ${((cpuEnd - cpuStart) / keyedCpuMs).toFixed(2)}${server}`);
    return { engine, importMs: imported.ms, baselineMs: baseline.ms, keyedMs, rows: heads.length, warnings: r.warningCount };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(args: string[]): Promise<void> {
  const engines = benchArg(args, 'engines') || process.env.BENCH_DATABASE_URL ? benchEngines(args) : (['pglite'] as BenchEngine[]);
  const households = Number(benchArg(args, 'households') ?? 100_000);
  const results: Result[] = [];
  for (const engine of engines) {
    const r = await withRegistryDatabase(engine, 'caseload', households, (db) => run(db, engine), cacheArgs(args));
    if (r) results.push(r);
  }
  for (const r of results) {
    console.log(`${r.engine}: caseload ${seconds(r.importMs)} s, baseline (keyed four-table COPY of the written rows) ${seconds(r.keyedMs)} s, ratio ${(r.importMs / r.keyedMs).toFixed(2)}; file rows into a plain table ${seconds(r.baselineMs)} s, ratio ${(r.importMs / r.baselineMs).toFixed(2)}`);
  }
  const last = results.at(-1);
  if (last) console.log(`caseload: ${seconds(last.importMs)} s, baseline ${seconds(last.keyedMs)} s, ratio ${(last.importMs / last.keyedMs).toFixed(2)}`);
}
