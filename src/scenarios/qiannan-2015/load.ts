// `jiuzhu demo --scenario qiannan-2015`: the seed's year on an empty database, through the modules' own use
// cases, in the order a bureau adopting Jiuzhu would go: 黔南州's areas; the 2014 standards beside the 2015
// ones of the parameter files; the nursing homes; the households (registry); the previous system's caseload of
// 2014 with its history (cases closed at the end of 2014) and the 特困 admitted in 2015, imported as one file
// (存量对象导入, paid from January 2014); then the 2015 提标 as one re-rating batch per county and programme from
// January 2015, approved. What it reproduces and what it cannot yet: README.md beside this file.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../kernel/errors.ts';
import { systemScope } from '../../kernel/scope.ts';
import { loadPrefecture } from '../../modules/areas/index.ts';
import { importCaseload } from '../../modules/caseload/index.ts';
import { approveRerate, draftRerate } from '../../modules/cases/index.ts';
import { demoVillages, loadHouseholdRecords } from '../../modules/registry/index.ts';
import { syncParameterFiles } from '../../modules/policy/index.ts';
import { caseloadCsv } from './caseload-file.ts';
import { EXTRAS } from './extras.ts';
import { scenarioHouseholds, type CaseRow } from './households.ts';
import { homeOf, loadHomes, plannedHomes } from './institutions.ts';
import { load2014Parameters } from './parameters.ts';
import { loadReductionPlans } from './plans.ts';
import { scenarioPlan, type ScenarioPlan } from './plan.ts';

export const PREFECTURE = '522700';
export const SEED_NAME = 'scenario:qiannan-2015';

export type ScenarioStage = 'areas' | 'parameters' | 'institutions' | 'households' | 'caseload' | 'rerate' | (string & {});

export interface ScenarioOptions {
  /** 1 = the seed's full scale (29.7万 低保 persons); 0.01 in CI. */
  scale: number;
  onProgress?: (stage: ScenarioStage, done: number, total: number) => void;
}

export interface ScenarioResult {
  plan: ScenarioPlan['totals'];
  households: number;
  members: number;
  cases: { dibao: number; hardship: number; warnings: number };
  homes: number;
  rerated: { batches: number; changed: number };
  /** What each extra stage (extras.ts) loaded, counted. */
  extras: Record<string, Record<string, number>>;
  seconds: Record<ScenarioStage, number>;
}

export async function loadQiannan2015(db: Database, opts: ScenarioOptions): Promise<ScenarioResult> {
  const scope = systemScope('scenario');
  const seconds = {} as Record<ScenarioStage, number>;
  const timed = async <T>(stage: ScenarioStage, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    opts.onProgress?.(stage, 0, 1);
    const r = await fn();
    seconds[stage] = (Date.now() - t) / 1000;
    return r;
  };
  const existing = await db.kysely.selectFrom('households').select('id').limit(1).executeTakeFirst();
  if (existing) throw AppError.badRequest('scenario_not_empty', '情景数据只能加载到空的数据库（已有家庭登记）；请换一个数据目录或数据库');

  await timed('areas', async () => {
    const has = await db.kysely.selectFrom('areas').select('code').where('code', '=', PREFECTURE).executeTakeFirst();
    if (!has) await loadPrefecture(db, scope, PREFECTURE);
    await syncParameterFiles(db);
  });
  const villages = await demoVillages(db, PREFECTURE);
  const plan = scenarioPlan(villages, opts.scale);
  const counties = plan.counties.map((c) => c.countyCode);
  await timed('parameters', async () => {
    await load2014Parameters(db, scope, counties);
    await loadReductionPlans(db, scope, plan);
  });
  const planned = plannedHomes(plan, villages);
  const homes = await timed('institutions', () => loadHomes(db, scope, planned.homes));

  const rows: (CaseRow & { householdNo: string })[] = [];
  // By the first member's ID number: the loader hands back a copy of the record with its household number.
  const pending = new Map<string, CaseRow[]>();
  const total = plan.totals.dibao2014 + Object.values(plan.totals.hardship).reduce((a, b) => a + b, 0);
  function* records() {
    for (const h of scenarioHouseholds(plan, villages, homeOf(planned.byCounty))) {
      pending.set(h.record.members[0]!.idNumber, h.cases);
      yield h.record;
    }
  }
  let persons = 0;
  const loaded = await timed('households', () => loadHouseholdRecords(db, scope, {
    seed: SEED_NAME, prefecture: PREFECTURE, records: records(), total: Math.round(total / 2.5),
    onLoaded: (r) => {
      persons += r.members.length;
      const key = r.members[0]!.idNumber;
      for (const c of pending.get(key) ?? []) rows.push({ ...c, householdNo: r.household.householdNo });
      pending.delete(key);
    },
    onProgress: () => opts.onProgress?.('households', persons, total),
  }));
  if (loaded.skipped > 0) throw new Error(`${loaded.skipped} scenario households clashed with registered persons`);

  const imported = await timed('caseload', () => importCaseload(db, scope, caseloadCsv(rows), {
    format: 'csv', fileName: '黔南州存量对象（2014年底）.csv', firstMonth: '2014-01',
    onProgress: (phase, done, all) => opts.onProgress?.('caseload', phase === 'write' ? done : 0, all),
  }));

  // PGlite runs no autovacuum: without statistics on what was just written the later stages' plans scan.
  await sql`analyze`.execute(db.kysely);
  const rerated = await timed('rerate', async () => {
    let batches = 0, changed = 0;
    for (const [i, county] of counties.entries()) {
      for (const programme of ['dibao', 'hardship'] as const) {
        opts.onProgress?.('rerate', i, counties.length);
        const draft = await draftRerate(db, scope, { programme, effectiveMonth: '2015-01', reason: '2015年城乡低保减量提标、特困人员供养标准提高', county });
        const done = await approveRerate(db, scope, draft.batchNo, { date: '2015-01-20' });
        batches++;
        changed += done.changed;
      }
    }
    return { batches, changed };
  });
  await sql`analyze`.execute(db.kysely);
  const extras: Record<string, Record<string, number>> = {};
  for (const extra of EXTRAS) extras[extra.stage] = await timed(extra.stage, () => extra.load({ db, scope, plan, villages, seed: `${SEED_NAME}:${extra.stage}` }));
  return {
    plan: plan.totals, households: loaded.households, members: loaded.members,
    cases: { dibao: imported.imported.dibao, hardship: imported.imported.hardship, warnings: imported.warningCount },
    homes, rerated, extras, seconds,
  };
}
