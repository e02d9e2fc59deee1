/**
 * `npm run bench -- import [--households N] [--search-households M] [--no-search]`
 *
 * 1. Generates N demo households (default 100,000, ~260,000 members) into an .xlsx in the import
 *    template's layout, cached under .tmp/bench/ (keyed by N and the generator seed).
 * 2. Import: a fresh on-disk PGlite (migrated, 黔南州 areas loaded), then timed: read the file from
 *    disk and `importHouseholds` (system scope, all-or-nothing) — parse, full validation, village and
 *    person_index checks, staging COPY, one transaction into the registry, history, audit.
 * 3. Baseline, in the same run on a second fresh on-disk PGlite, timed: read the same file from disk,
 *    parse it with the same xlsx reader, group rows by 户序号, map labels to codes (no validation, no
 *    checks against the database), allocate ids and household numbers, COPY straight into households,
 *    members, person_index, income_items and assets. No staging, no transaction, no history or audit.
 * 4. Search: M demo households (default 300,000) loaded with the demo loader into a third on-disk
 *    PGlite, then 200 exact ID-number and 200 name-prefix searches through the service layer
 *    (`search`, as the prefecture admin), reporting p50 and p95.
 *
 * Last line: `import: <s> s, baseline <s> s, ratio <r>`.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/db/engine.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemScope, userScope } from '../src/kernel/scope.ts';
import { fromRoot } from '../src/kernel/paths.ts';
import { loadPrefecture } from '../src/modules/areas/service.ts';
import { generateDemoHouseholds, isUrbanVillageName, type DemoVillage } from '../src/modules/registry/domain/demo/index.ts';
import type { Asset, Household, IncomeItem, Member } from '../src/modules/registry/domain/types.ts';
import * as bulk from '../src/modules/registry/repo/bulk.ts';
import { addRecord, emptyCsv } from '../src/modules/registry/repo/copy-rows.ts';
import { loadDemoHouseholds } from '../src/modules/registry/service/demo.ts';
import { importHouseholds } from '../src/modules/registry/service/import.ts';
import { search } from '../src/modules/registry/service/read.ts';
import { COLUMNS, READ } from '../src/modules/registry/transfer/columns.ts';
import { readHouseholdFile, type Cell } from '../src/modules/registry/transfer/read-file.ts';
import { HouseholdFileWriter } from '../src/modules/registry/transfer/xlsx.ts';

const SEED = 'bench-2015';
const PREFECTURE = '522700';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const log = (m: string) => process.stderr.write(`${m}\n`);

async function freshDatabase(label: string): Promise<{ db: Database; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jiuzhu-bench-${label}-`));
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  await loadPrefecture(db, systemScope('bench'), PREFECTURE);
  return { db, dir };
}

async function close(d: { db: Database; dir: string }) {
  await d.db.close();
  fs.rmSync(d.dir, { recursive: true, force: true });
}

async function villagesOf(db: Database): Promise<DemoVillage[]> {
  return (await bulk.prefectureVillages(db.kysely, PREFECTURE)).map((v) => ({
    code: v.code, name: v.name, countyCode: v.county_code ?? v.code.slice(0, 6), townshipName: v.township_name, urban: v.urban ?? isUrbanVillageName(v.name),
  }));
}

async function ensureFile(n: number, villages: DemoVillage[]): Promise<string> {
  const dir = fromRoot('.tmp', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `import-${n}-${SEED}.xlsx`);
  if (fs.existsSync(file)) {
    log(`using cached ${path.relative(process.cwd(), file)}`);
    return file;
  }
  const started = Date.now();
  const tmp = `${file}.partial`;
  const writer = await HouseholdFileWriter.open({ filename: tmp });
  let k = 0;
  for (const r of generateDemoHouseholds({ seed: SEED, count: n, villages })) {
    writer.add(String(++k), r);
    if (k % 20_000 === 0) log(`generating the file: ${k}/${n}`);
  }
  await writer.finish();
  fs.renameSync(tmp, file);
  log(`generated ${path.relative(process.cwd(), file)}: ${n} households, ${writer.rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${seconds(Date.now() - started)} s`);
  return file;
}

/** The baseline: the same file read and COPY'd with no validation (see the header comment). */
async function baseline(db: Database, file: string): Promise<{ households: number; members: number }> {
  const rows = await readHouseholdFile(fs.readFileSync(file), 'xlsx');
  const at = (key: string) => COLUMNS.findIndex((c) => c.key === key);
  const I = Object.fromEntries(COLUMNS.map((c) => [c.key, at(c.key)])) as Record<string, number>;
  const s = (c: Cell) => (c === undefined ? '' : String(c));
  const groups = new Map<string, Cell[][]>();
  for (const r of rows) {
    const key = s(r.cells[I.group!]);
    const list = groups.get(key);
    if (list) list.push(r.cells);
    else groups.set(key, [r.cells]);
  }
  const items = COLUMNS.filter((c) => c.income || c.asset);
  const records: { household: Household; members: Member[]; incomes: IncomeItem[]; assets: Asset[] }[] = [];
  let memberCount = 0;
  for (const list of groups.values()) {
    const f = list[0]!;
    const village = s(f[I.villageCode!]);
    const household: Household = {
      householdNo: '', countyCode: village.slice(0, 6), villageCode: village, hukou: READ.hukou.get(s(f[I.hukou!]))!, address: s(f[I.address!]),
      phone: s(f[I.phone!]), bankName: s(f[I.bankName!]), bankAccount: s(f[I.bankAccount!]), povertyFile: s(f[I.povertyFile!]) === '是', agricultural: s(f[I.agricultural!]) === '是',
      categories: s(f[I.householdCategories!]).split('、').filter(Boolean).map((l) => READ.householdCategories.get(l)!),
    };
    const incomes: IncomeItem[] = [];
    const assets: Asset[] = [];
    const members = list.map((c): Member => {
      const id = s(c[I.idNumber!]);
      for (const col of items) {
        const v = c[COLUMNS.indexOf(col)];
        if (v === undefined) continue;
        const fen = Math.round(Number(v) * 100);
        const owner = col.level === 'household' ? null : id;
        if (col.income) incomes.push({ memberIdNumber: owner, kind: col.income.kind as IncomeItem['kind'], amountFen: fen, period: col.income.period!, source: col.header });
        else assets.push({ memberIdNumber: owner, kind: col.asset!.kind as Asset['kind'], valueFen: fen, note: '' });
      }
      const grade = s(c[I.disabilityGrade!]);
      return {
        idNumber: id, name: s(c[I.name!]), sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        relation: READ.relation.get(s(c[I.relation!]))!, hukou: READ.hukou.get(s(c[I.memberHukou!])) ?? household.hukou, workCapacity: READ.workCapacity.get(s(c[I.workCapacity!]))!,
        disabilityKind: READ.disabilityKind.get(s(c[I.disabilityKind!])) ?? null, disabilityGrade: grade ? (Number(grade) as 1) : null,
        seriousIllness: s(c[I.seriousIllness!]) === '是', student: s(c[I.student!]) === '是',
        categories: s(c[I.memberCategories!]).split('、').filter(Boolean).map((l) => READ.memberCategories.get(l)!),
        leftBehind: READ.leftBehind.get(s(c[I.leftBehind!])) ?? null, phone: s(c[I.memberPhone!]),
      };
    });
    memberCount += members.length;
    records.push({ household, members, incomes, assets });
  }
  const numbers = await bulk.allocate(db.kysely, 'household_no_seq', records.length);
  const ids = await bulk.allocate(db.kysely, 'registry_id_seq', records.length + memberCount);
  let next = 0;
  const csv = emptyCsv();
  records.forEach((r, i) => {
    r.household.householdNo = r.household.countyCode + String(numbers[i]).padStart(8, '0');
    addRecord(csv, r.household, r.members, r.incomes, r.assets, () => ids[next++]!);
  });
  await bulk.copyIntoRegistry(db, csv);
  return { households: records.length, members: memberCount };
}

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function searchLatency(households: number): Promise<string[]> {
  const d = await freshDatabase('search');
  try {
    const started = Date.now();
    let lastLog = 0;
    const r = await loadDemoHouseholds(d.db, systemScope('bench'), {
      households, seed: `${SEED}-search`, prefecture: PREFECTURE, batchSize: 10_000,
      onProgress: (done, total) => {
        if (done - lastLog >= 50_000 || done === total) {
          lastLog = done;
          log(`demo load: ${done}/${total}`);
        }
      },
    });
    const loadMs = Date.now() - started;
    const scope = userScope({ id: 0, username: 'bench', role: 'prefecture_admin', areaCode: PREFECTURE, department: null });
    const sample = await d.db.kysely.selectFrom('members').select(['id_number', 'name']).orderBy(sql`random()`).limit(200).execute();
    const time = async (f: (s: { id_number: string; name: string }) => Promise<unknown>) => {
      const ms: number[] = [];
      for (const s of sample) {
        const t = performance.now();
        await f(s);
        ms.push(performance.now() - t);
      }
      return ms;
    };
    await search(d.db, scope, { idNumber: sample[0]!.id_number, page: 1, pageSize: 20 }, 10_000); // warm-up
    const exact = await time((s) => search(d.db, scope, { idNumber: s.id_number, page: 1, pageSize: 20 }, 10_000));
    const prefix = await time((s) => search(d.db, scope, { name: s.name.slice(0, 2), page: 1, pageSize: 20 }, 10_000));
    const f = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
    return [
      `search at ${r.households} households (${r.members} members; demo loader ${seconds(loadMs)} s):`,
      `  exact ID number, ${exact.length} queries: ${f(exact)}`,
      `  name prefix (2 characters), ${prefix.length} queries: ${f(prefix)}`,
    ];
  } finally {
    await close(d);
  }
}

export default async function bench(args: string[]): Promise<void> {
  const n = option(args, 'households', 100_000);
  const m = option(args, 'search-households', 300_000);
  log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const a = await freshDatabase('import');
  const file = await ensureFile(n, await villagesOf(a.db));
  let importMs: number;
  let imported: { households: number; members: number };
  try {
    const t = performance.now();
    const r = await importHouseholds(a.db, systemScope('bench'), fs.readFileSync(file), { format: 'xlsx', partial: false, fileName: path.basename(file) });
    importMs = performance.now() - t;
    if (!r.ok) throw new Error(`the bench file was refused: ${JSON.stringify(r.errors.slice(0, 5))}`);
    imported = r.imported;
  } finally {
    await close(a);
  }

  const b = await freshDatabase('baseline');
  let baselineMs: number;
  let copied: { households: number; members: number };
  try {
    const t = performance.now();
    copied = await baseline(b.db, file);
    baselineMs = performance.now() - t;
  } finally {
    await close(b);
  }

  const lines = [
    `file: ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`,
    `import (read + validate + checks + staging COPY + one transaction + history + audit): ${imported.households} households, ${imported.members} members in ${seconds(importMs)} s`,
    `baseline (read + group + label lookup + COPY, no validation, no checks, no transaction): ${copied.households} households, ${copied.members} members in ${seconds(baselineMs)} s`,
  ];
  if (!args.includes('--no-search')) lines.push(...(await searchLatency(m)));
  for (const l of lines) console.log(l);
  console.log(`import: ${seconds(importMs)} s, baseline ${seconds(baselineMs)} s, ratio ${(importMs / baselineMs).toFixed(2)}`);
}
