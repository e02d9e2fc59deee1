// Parameters of the SQL twins resolved in TypeScript by the ParameterSet the formulas read (area
// fallback, rule set by date, a draft overlaid by the simulator), once per area key: every county,
// plus every township or village where some twin parameter has its own value (then its villages key on
// it, see repo/twin-parameters.ts). An area without a value in force for some parameter is reported
// as missing instead of resolved.
import {
  ageOn, DEDUCTION_KINDS, divideRounded, isIsoDate, ParameterLookupError, ruleSetFor,
  type ParameterData, type ParameterRow, type ParameterSet,
} from '../../../policy/index.ts';
import { REGISTRY_POLICY_KINDS, TOPUP_CATEGORIES, type AreaParams, type ParameterCell } from '../repo/twin-parameters.ts';

/** The parameter families the twins read (their values below county level make area keys). */
export const TWIN_PARAMETER_PREFIXES = ['dibao.', 'near_dibao.'] as const;

/** eligibility: dibaoEligibility; benefit: dibaoBenefit's shares; near: nearDibao's factor. */
export type TwinPart = 'eligibility' | 'benefit' | 'near';

export type MissingParameter = { area: string; scenario: number; parameter: string; message: string };
export type ResolvedParameters = { date: string; params: AreaParams[]; overrides: string[]; missing: MissingParameter[] };

/** Townships and villages of `counties` where a twin parameter has a value in any of the row sets. */
export function overrideAreas(rowSets: readonly (readonly ParameterRow[])[], counties: readonly string[]): string[] {
  const set = new Set<string>();
  for (const rows of rowSets) {
    for (const r of rows) {
      if (r.area.length <= 6 || !TWIN_PARAMETER_PREFIXES.some((p) => r.name.startsWith(p))) continue;
      if (counties.includes(r.area.slice(0, 6))) set.add(r.area);
    }
  }
  return [...set].sort();
}

/** The latest birth date of a person aged at least `age` on `date` (ageOn(birth, date) ≥ age ⇔ birth ≤ it). */
export function bornBy(date: string, age: number): string {
  const year = String(Number(date.slice(0, 4)) - age).padStart(4, '0');
  const same = `${year}${date.slice(4)}`;
  // Only 29 February can be missing in that year: born by the 28th then.
  const result = isIsoDate(same) ? same : `${year}-02-28`;
  if (ageOn(result, date) < age) throw new Error(`bornBy(${date}, ${age}) gave ${result}`);
  return result;
}

function reader(params: ParameterSet, area: string, date: string) {
  const ruleSet = ruleSetFor(date, params);
  const get = (name: string): ParameterData => params.get(name, area, date, ruleSet).value;
  const typed = <T extends ParameterData>(name: string, is: (v: ParameterData) => v is T): T => {
    const v = get(name);
    if (!is(v)) throw new ParameterLookupError(name, `value ${JSON.stringify(v)} has the wrong type`);
    return v;
  };
  return {
    num: (name: string) => typed(name, (v): v is number => typeof v === 'number'),
    bool: (name: string) => typed(name, (v): v is boolean => typeof v === 'boolean'),
    list: (name: string) => typed(name, (v): v is string[] => Array.isArray(v)),
  };
}

/** Every parameter of the parts, resolved for one area key as the formulas would read them for its villages. */
export function resolveAreaParams(params: ParameterSet, area: string, date: string, s: number, parts: readonly TwinPart[]): AreaParams {
  const { num, bool, list } = reader(params, area, date);
  const values: Record<string, ParameterCell> = {};
  if (parts.includes('eligibility')) {
    const excluded = new Set(list('dibao.income.excluded_kinds'));
    values.urban = num('dibao.standard.urban');
    values.rural = divideRounded(num('dibao.standard.rural'), 12);
    for (const k of REGISTRY_POLICY_KINDS) values[`c_${k}`] = !excluded.has(k) && !DEDUCTION_KINDS.includes(k);
    values.deposit_months = num('dibao.property.deposit_months');
    values.vehicle_allowed = bool('dibao.property.vehicle_allowed');
    values.business_allowed = bool('dibao.property.business_registration_allowed');
    values.max_houses = num('dibao.property.max_houses');
  }
  if (parts.includes('benefit')) {
    values.unit = num('dibao.benefit.rounding_unit');
    values.full3 = bool('dibao.benefit.three_nos_full_standard');
    values.elderly_born_by = bornBy(date, num('dibao.topup.elderly_age'));
    values.severe_max = num('dibao.topup.severe_disability_max_grade');
    for (const c of TOPUP_CATEGORIES) {
      values[`u_${c}`] = num(`dibao.topup.rate.urban.${c}`);
      values[`r_${c}`] = num(`dibao.topup.rate.rural.${c}`);
    }
  }
  if (parts.includes('near')) values.near_factor = num('near_dibao.income_factor');
  return { s, v: area, values };
}

/**
 * Each scenario's parameters (index = scenario number) for every county and override area of
 * `counties`. `rowSets` are the rows behind the scenarios (their areas make the override keys).
 */
export function resolveParameters(
  scenarios: readonly ParameterSet[],
  rowSets: readonly (readonly ParameterRow[])[],
  counties: readonly string[],
  date: string,
  parts: readonly TwinPart[],
): ResolvedParameters {
  const overrides = overrideAreas(rowSets, counties);
  const params: AreaParams[] = [];
  const missing: MissingParameter[] = [];
  for (const area of [...counties, ...overrides]) {
    scenarios.forEach((set, s) => {
      try {
        params.push(resolveAreaParams(set, area, date, s, parts));
      } catch (e) {
        if (!(e instanceof ParameterLookupError)) throw e;
        missing.push({ area, scenario: s, parameter: e.parameter, message: e.message });
      }
    });
  }
  return { date, params, overrides, missing };
}
