/**
 * Demo data (`jiuzhu demo`, and `npm start` on an empty registry): deterministic households from
 * `generateDemoHouseholds` for the villages of the loaded prefecture, COPY'd in batches straight into
 * the registry. Idempotent per seed: a seed already loaded is skipped (and said so). Households with a
 * person already registered (a load of another seed or a scenario hands out the same ID numbers) are skipped
 * and counted; within one load the ID numbers are unique by construction (`demoPartRecords`).
 */
import type { Database } from '../../../db/engine.ts';
import { systemScope, type Scope } from '../../../kernel/scope.ts';
import { bulkWrite } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { DEMO_ACCOUNTS } from '../../users/index.ts';
import { demoPartRecords, demoParts, isUrbanVillageName, type DemoVillage } from '../domain/demo/index.ts';
import type { HouseholdRecord } from '../domain/types.ts';
import * as bulk from '../repo/bulk.ts';
import { addRecord, emptyCsv } from '../repo/copy-rows.ts';

export interface DemoLoadOptions {
  households: number;
  seed: string;
  /** Default: the first prefecture in `areas`. */
  prefecture?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoLoadResult {
  status: 'loaded' | 'skipped';
  seed: string;
  households: number;
  members: number;
  /** Households left out because one of their people was already registered. */
  skipped: number;
}

/** Townships of the demo caseworkers: each gets households of its own, so their screens show data. */
export const DEMO_TOWNSHIPS = DEMO_ACCOUNTS.filter((a) => a.role === 'township_caseworker').map((a) => a.areaCode);

/** The villages of a prefecture as the demo generator picks them (urban: the area's own mark, else the name). */
export async function demoVillages(db: Database, prefecture: string): Promise<DemoVillage[]> {
  return (await bulk.prefectureVillages(db.kysely, prefecture)).map((v) => ({
    code: v.code, name: v.name, countyCode: v.county_code ?? v.code.slice(0, 6), townshipName: v.township_name, urban: v.urban ?? isUrbanVillageName(v.name),
  }));
}

export async function loadDemoHouseholds(db: Database, scope: Scope, opts: DemoLoadOptions): Promise<DemoLoadResult> {
  const done = await bulk.findDemoLoad(db.kysely, opts.seed);
  if (done) return { status: 'skipped', seed: opts.seed, households: done.households, members: done.members, skipped: done.skipped };
  const prefecture = opts.prefecture ?? (await bulk.firstPrefecture(db.kysely));
  if (!prefecture) throw AppError.badRequest('no_areas', '尚未加载行政区划；请先运行 jiuzhu areas load 522700');
  const villages = await demoVillages(db, prefecture);
  if (villages.length === 0) throw AppError.badRequest('no_villages', `区划 ${prefecture} 下没有村（社区）`);

  const parts = demoParts(opts.households, opts.seed, villages, DEMO_TOWNSHIPS);
  return loadHouseholdRecords(db, scope, {
    seed: opts.seed, prefecture, records: demoPartRecords(parts), total: parts.reduce((n, p) => n + p.count, 0),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

export interface RecordLoadOptions {
  /** Recorded once loaded: the same seed is skipped next time. */
  seed: string;
  prefecture: string;
  records: Iterable<HouseholdRecord>;
  /** For the progress only. */
  total: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each household as loaded, with its household number and id. */
  onLoaded?: (record: HouseholdRecord, householdId: number) => void;
}

/**
 * Households built elsewhere (the demo generator, a scenario) COPY'd in batches straight into the registry,
 * one history row each, one audit entry; households with a person already registered are skipped and counted.
 */
export async function loadHouseholdRecords(db: Database, scope: Scope, opts: RecordLoadOptions): Promise<DemoLoadResult> {
  const { seed, total } = opts;
  const done = await bulk.findDemoLoad(db.kysely, seed);
  if (done) return { status: 'skipped', seed, households: done.households, members: done.members, skipped: done.skipped };
  const batchSize = opts.batchSize ?? 5_000;
  const result: DemoLoadResult = { status: 'loaded', seed, households: 0, members: 0, skipped: 0 };
  let processed = 0;
  opts.onProgress?.(0, total);

  // ID numbers of this load so far: two sources of records (e.g. the demo's parts) may hand out the same one.
  const seen = new Set<string>();
  const flush = async (batch: HouseholdRecord[]) => {
    const clash = new Set((await bulk.registeredAmong(db.kysely, batch.flatMap((r) => r.members.map((m) => m.idNumber)))).map((r) => r.id_number));
    const load = batch.filter((r) => {
      if (r.members.some((m) => clash.has(m.idNumber) || seen.has(m.idNumber))) return false;
      for (const m of r.members) seen.add(m.idNumber);
      return true;
    });
    result.skipped += batch.length - load.length;
    const members = load.reduce((n, r) => n + r.members.length, 0);
    const numbers = await bulk.allocate(db.kysely, 'household_no_seq', load.length);
    const ids = await bulk.allocate(db.kysely, 'registry_id_seq', load.length + members);
    let next = 0;
    const csv = emptyCsv();
    const history: string[] = [];
    const loaded: [HouseholdRecord, number][] = [];
    load.forEach((r, i) => {
      const household = { ...r.household, householdNo: r.household.countyCode + String(numbers[i]).padStart(8, '0') };
      const id = ids[next] as number;
      addRecord(csv, household, r.members, r.incomes, r.assets, () => ids[next++] as number);
      history.push(bulk.historyLine(household.countyCode, id, scope.userName, 'household.demo', { seed }));
      loaded.push([{ ...r, household }, id]);
    });
    if (load.length > 0) {
      await bulk.copyIntoRegistry(db, csv);
      await bulk.copyHistory(db, history);
    }
    for (const [r, id] of loaded) opts.onLoaded?.(r, id);
    result.households += load.length;
    result.members += members;
    processed += batch.length;
    opts.onProgress?.(processed, total);
  };

  let batch: HouseholdRecord[] = [];
  for (const record of opts.records) {
    batch.push(record);
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  await bulk.analyzeRegistry(db.kysely);
  await bulkWrite(db, scope, async (tx) => {
    await bulk.recordDemoLoad(tx, { seed, households: result.households, members: result.members, skipped: result.skipped });
    await appendAudit(tx, scope, { action: 'registry.demo', entity: 'registry_demo', entityId: seed, areaCode: opts.prefecture, after: { ...result } });
  });
  return result;
}

/** `npm start` in demo mode: households that start in seconds, when the registry is empty. */
export const DEFAULT_DEMO = { households: 3_000, seed: 'demo' } as const;

export async function ensureDemoHouseholds(db: Database, log: (msg: string) => void): Promise<void> {
  if ((await bulk.countHouseholds(db.kysely)) > 0) return;
  const started = Date.now();
  const r = await loadDemoHouseholds(db, systemScope('demo'), DEFAULT_DEMO);
  if (r.status === 'loaded') log(`demo households loaded: ${r.households} households, ${r.members} members (seed ${r.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
