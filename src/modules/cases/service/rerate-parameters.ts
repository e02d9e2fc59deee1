// The parameters a re-rating reads, in force on the first day of its effective month: 低保's through the
// policy module's benefit twin (per county, or township/village with its own values), 特困's resolved
// here per village. Both return the documents (parameter, area, effective date, value, reference) the
// new amounts rest on, without repeats, for the batch record. A parameter without a value in force → 409.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { divideRounded, ParameterLookupError, ruleSetFor, type ParameterSet, type ParameterValue } from '../../../policy/index.ts';
import { dibaoBenefitParameters, type DibaoBenefitParameters, type ParameterDocument } from '../../policy/index.ts';
import type { HardshipAreaParams } from '../repo/rerate-hardship.ts';
import { caseParameters } from './parameters.ts';

function unique(docs: readonly ParameterDocument[]): ParameterDocument[] {
  const seen = new Map<string, ParameterDocument>();
  for (const d of docs) seen.set(`${d.name}|${d.area}|${d.effective}`, d);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.area.localeCompare(b.area));
}

const missing = (message: string) => AppError.conflict('rerate_parameters_missing', `生效月份没有现行的政策参数，不能调标：${message}`);

export async function dibaoRerateParameters(db: Database, county: string, date: string): Promise<{ twin: DibaoBenefitParameters; documents: ParameterDocument[] }> {
  const twin = await dibaoBenefitParameters(db, date, [county]);
  const first = twin.missing[0];
  if (first) throw missing(first.message);
  return { twin, documents: unique(Object.values(twin.documents).flat()) };
}

const HARDSHIP_READ = [
  'hardship.support.institutional', 'hardship.support.home_based', 'hardship.support.basic_living_factor', 'dibao.standard.urban', 'dibao.standard.rural',
  'hardship.support.care.self_care', 'hardship.support.care.partial', 'hardship.support.care.full', 'hardship.support.rounding_unit', 'hardship.self_care.partial_max_unable',
] as const;

function hardshipVillage(params: ParameterSet, village: string, date: string): { row: HardshipAreaParams; docs: ParameterDocument[] } {
  const ruleSet = ruleSetFor(date, params);
  const got = new Map<string, ParameterValue>(HARDSHIP_READ.map((name) => [name, params.get(name, village, date, ruleSet)]));
  const num = (name: (typeof HARDSHIP_READ)[number]) => Number(got.get(name)?.value);
  return {
    row: {
      v: village,
      institutional: num('hardship.support.institutional'),
      home_based: num('hardship.support.home_based'),
      factor: num('hardship.support.basic_living_factor'),
      urban: num('dibao.standard.urban'),
      rural: divideRounded(num('dibao.standard.rural'), 12),
      care_self_care: num('hardship.support.care.self_care'),
      care_partial: num('hardship.support.care.partial'),
      care_full: num('hardship.support.care.full'),
      unit: num('hardship.support.rounding_unit'),
      partial_max: num('hardship.self_care.partial_max_unable'),
    },
    docs: [...got.values()].map((v) => ({ name: v.name, area: v.area, effective: v.effective, value: v.value, unit: v.unit, reference: v.reference })),
  };
}

export async function hardshipRerateParameters(db: Database, county: string, date: string): Promise<{ villages: HardshipAreaParams[]; documents: ParameterDocument[] }> {
  const params = await caseParameters(db);
  const { rows } = await sql<{ code: string }>`select code from areas where level = 'village' and code like ${`${county}%`} order by code`.execute(db.kysely);
  const villages: HardshipAreaParams[] = [];
  const docs: ParameterDocument[] = [];
  try {
    for (const r of rows) {
      const v = hardshipVillage(params, r.code, date);
      villages.push(v.row);
      docs.push(...v.docs);
    }
  } catch (e) {
    if (e instanceof ParameterLookupError) throw missing(e.message);
    throw e;
  }
  return { villages, documents: unique(docs) };
}
