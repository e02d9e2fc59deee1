// The standards simulator: what dibao would cost under draft parameter values against the current
// ones, per county of the caller's scope and in total, computed set-based in SQL over the registry.
// What it covers is what dibao_benefit does with the fields the registry holds (see
// facts-from-registry.ts: no exclusions, every member has an able supporter).
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import {
  createParameterSet, DEDUCTION_KINDS, divideRounded, ParameterLookupError, periodDate, RULE_SETS, ruleSetFor,
  type ParameterRow, type ParameterSet,
} from '../../../policy/index.ts';
import * as repo from '../repo/simulate.ts';
import { checkArea, checkValue, parameterRows } from './parameters.ts';

export const simulateSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM'),
  draft: z.array(z.strictObject({
    name: z.string().min(1),
    area: z.string(),
    ruleSet: z.enum(RULE_SETS).nullable().optional(),
    value: z.unknown(),
  })).max(500).default([]),
});
export type SimulateInput = z.output<typeof simulateSchema>;

export type Figures = {
  households: number;
  persons: number;
  monthly: number;
  yearly: number;
  averagePerPerson: number;
  ruralPersons: number;
  agriculturalPopulation: number;
  ruralCoverage: number | null;
};
export type CountyResult = { county: string; name: string; current: Figures; draft: Figures };
export type SimulationResult = { month: string; ruleSet: { current: string; draft: string }; counties: CountyResult[]; total: { current: Figures; draft: Figures } };

/** The draft as parameter rows in force from the simulated month, replacing a value of the same key. */
export function withDraft(rows: readonly ParameterRow[], draft: SimulateInput['draft'], date: string, scope: Scope | null): ParameterRow[] {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const drafted = draft.map((d, i): ParameterRow => {
    const def = byName.get(d.name);
    if (!def) throw AppError.field(`draft.${i}.name`, `参数 ${d.name} 不存在`);
    if (scope) checkArea(scope, d.area, `draft.${i}.area`);
    const value = checkValue(def.unit, d.value, `draft.${i}.value`);
    return { ...def, area: d.area, ruleSet: d.ruleSet ?? null, effective: date, value, valueReference: '测算草案' };
  });
  const key = (r: ParameterRow) => `${r.name}|${r.area}|${r.ruleSet ?? '*'}|${r.effective}`;
  const replaced = new Set(drafted.map(key));
  return [...rows.filter((r) => !replaced.has(key(r))), ...drafted];
}

/** Every parameter the SQL needs, resolved for one village with area fallback (as formulas read them). */
export function resolveVillage(params: ParameterSet, village: string, date: string, s: 0 | 1): repo.VillageParams {
  const ruleSet = ruleSetFor(date, params);
  const get = (name: string) => params.get(name, village, date, ruleSet).value;
  const num = (name: string) => Number(get(name));
  const list = (name: string) => get(name) as string[];
  const excluded = new Set(list('dibao.income.excluded_kinds'));
  const out: Record<string, unknown> = {
    s, v: village,
    urban: num('dibao.standard.urban'),
    rural: divideRounded(num('dibao.standard.rural'), 12),
    unit: num('dibao.benefit.rounding_unit'),
    full3: get('dibao.benefit.three_nos_full_standard') === true,
    // ageOn(birth, date) >= N exactly when birth <= date − N years (date is the 1st of a month).
    elderly_born_by: `${String(Number(date.slice(0, 4)) - num('dibao.topup.elderly_age')).padStart(4, '0')}${date.slice(4)}`,
    severe_max: num('dibao.topup.severe_disability_max_grade'),
    deposit_months: num('dibao.property.deposit_months'),
    vehicle_allowed: get('dibao.property.vehicle_allowed') === true,
    business_allowed: get('dibao.property.business_registration_allowed') === true,
    max_houses: num('dibao.property.max_houses'),
  };
  for (const c of repo.TOPUP_CATEGORIES) {
    out[`u_${c}`] = num(`dibao.topup.rate.urban.${c}`);
    out[`r_${c}`] = num(`dibao.topup.rate.rural.${c}`);
  }
  for (const k of repo.REGISTRY_POLICY_KINDS) out[`c_${k}`] = !excluded.has(k) && !DEDUCTION_KINDS.includes(k);
  return out as repo.VillageParams;
}

function figures(f: repo.CountyFigures | undefined, agricultural: number): Figures {
  const households = f?.households ?? 0;
  const persons = f?.persons ?? 0;
  const monthly = f?.monthly ?? 0;
  const ruralPersons = f?.ruralPersons ?? 0;
  return {
    households, persons, monthly, yearly: monthly * 12,
    averagePerPerson: persons > 0 ? divideRounded(monthly, persons) : 0,
    ruralPersons, agriculturalPopulation: agricultural,
    ruralCoverage: agricultural > 0 ? ruralPersons / agricultural : null,
  };
}

function sum(list: readonly repo.CountyFigures[], s: number): repo.CountyFigures {
  const of = list.filter((f) => f.s === s);
  const add = (k: 'households' | 'persons' | 'ruralPersons' | 'monthly') => of.reduce((a, f) => a + f[k], 0);
  return { county: '', s, households: add('households'), persons: add('persons'), ruralPersons: add('ruralPersons'), monthly: add('monthly') };
}

/** Both scenarios over the rows given (the database's, or test rows), in one pass over the registry. */
export async function simulateWithRows(db: Database, scope: Scope, input: SimulateInput, rows: readonly ParameterRow[]): Promise<SimulationResult> {
  const date = periodDate(input.month);
  const current = createParameterSet(rows);
  const draft = createParameterSet(withDraft(rows, input.draft, date, scope.role === 'system' ? null : scope));
  // Parameters vary at most down to the most specific area any dibao value is set for.
  const deepest = Math.max(6, ...[...rows, ...withDraft(rows, input.draft, date, null)].filter((r) => r.name.startsWith('dibao.') && r.area !== 'CN').map((r) => r.area.length));
  const villages = await repo.areasInScope(db.kysely, scope, deepest);
  let params: repo.VillageParams[];
  try {
    params = [...villages.map((v) => resolveVillage(current, v, date, 0)), ...villages.map((v) => resolveVillage(draft, v, date, 1))];
  } catch (e) {
    if (e instanceof ParameterLookupError) throw new AppError('parameter_missing', e.message, 422, { parameter: e.parameter });
    throw e;
  }
  const { figures: rowsOut, agricultural } = await repo.simulateDibao(db.kysely, scope, params, deepest);
  const counties = [...new Set([...rowsOut.map((r) => r.county), ...agricultural.keys()])].sort();
  const names = await repo.countyNames(db.kysely, counties);
  const find = (c: string, s: number) => rowsOut.find((r) => r.county === c && r.s === s);
  const agriTotal = [...agricultural.values()].reduce((a, b) => a + b, 0);
  return {
    month: input.month,
    ruleSet: { current: ruleSetFor(date, current), draft: ruleSetFor(date, draft) },
    counties: counties.map((c) => ({
      county: c, name: names.get(c) ?? c,
      current: figures(find(c, 0), agricultural.get(c) ?? 0),
      draft: figures(find(c, 1), agricultural.get(c) ?? 0),
    })),
    total: { current: figures(sum(rowsOut, 0), agriTotal), draft: figures(sum(rowsOut, 1), agriTotal) },
  };
}

export async function simulate(db: Database, scope: Scope, input: SimulateInput): Promise<SimulationResult> {
  allow(scope, 'policy.simulate');
  return simulateWithRows(db, scope, input, await parameterRows(db));
}
