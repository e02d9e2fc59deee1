// "This household's dibao benefit on a date, under the parameters in force", set-based (the bulk
// re-rating of the cases module). Two steps, as the assessment twin: resolve the parameters once in
// TypeScript, then embed the statement:
//   const parameters = await dibaoBenefitParameters(db, '2026-01', ['522701']);
//   sql`… join (${dibaoBenefitQuery(parameters, ['522701'])}) b on b.county_code = … and b.household_id = …`
// `documents` lists, per area key, every parameter value read with its effective date and reference
// (the documents and articles the new amounts rest on).
import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { createParameterSet, periodDate, ruleSetFor, type ParameterRow, type ParameterSet } from '../../../policy/index.ts';
import { benefitQuery, type BenefitMember, type DibaoBenefitRow } from '../repo/twin-benefit.ts';
import { TOPUP_CATEGORIES } from '../repo/twin-parameters.ts';
import { parameterRows } from './parameters.ts';
import { resolveParameters, type ResolvedParameters } from './twin-parameters.ts';

export type { BenefitMember, DibaoBenefitRow };

export type ParameterDocument = { name: string; area: string; effective: string; value: unknown; unit: string; reference: string };
export type DibaoBenefitParameters = ResolvedParameters & { documents: Record<string, ParameterDocument[]> };

/** The parameters the benefit reads (the twin's columns come from them). */
const READ = [
  'dibao.standard.urban', 'dibao.standard.rural', 'dibao.income.excluded_kinds', 'dibao.income.deduction_kinds',
  'dibao.property.deposit_months', 'dibao.property.vehicle_allowed', 'dibao.property.business_registration_allowed', 'dibao.property.max_houses',
  'dibao.benefit.rounding_unit', 'dibao.benefit.three_nos_full_standard', 'dibao.topup.elderly_age', 'dibao.topup.severe_disability_max_grade',
  ...TOPUP_CATEGORIES.flatMap((c) => [`dibao.topup.rate.urban.${c}`, `dibao.topup.rate.rural.${c}`]),
];

function documentsOf(params: ParameterSet, area: string, date: string): ParameterDocument[] {
  const ruleSet = ruleSetFor(date, params);
  return READ.map((name) => {
    const v = params.get(name, area, date, ruleSet);
    return { name, area: v.area, effective: v.effective, value: v.value, unit: v.unit, reference: v.reference };
  });
}

/** Resolve the parameters of `counties` in force on `date` (YYYY-MM-DD, or YYYY-MM for its first day). */
export async function dibaoBenefitParameters(db: Database, date: string, counties: readonly string[], rows?: readonly ParameterRow[]): Promise<DibaoBenefitParameters> {
  const parameters = rows ?? (await parameterRows(db));
  const set = createParameterSet(parameters);
  const on = periodDate(date);
  const resolved = resolveParameters([set], [parameters], counties, on, ['eligibility', 'benefit']);
  const documents: Record<string, ParameterDocument[]> = {};
  if (resolved.missing.length === 0) for (const p of resolved.params) documents[p.v] = documentsOf(set, p.v, on);
  return { ...resolved, documents };
}

/**
 * One row per household with members of the counties: members, incomes and assets aggregated by a plain
 * scan of the counties' rows (no per-household lookups, whose row estimates mislead the planner).
 */
export function dibaoBenefitQuery(parameters: DibaoBenefitParameters, counties: readonly string[]) {
  if (!counties.every((c) => /^\d{6}$/.test(c))) throw new Error(`Not county codes: ${counties.join(', ')}`);
  const list = `{${counties.join(',')}}`;
  const inCounties = (column: string) => sql<SqlBool>`${sql.ref(column)} = any(cast(${list} as text[]))`;
  return benefitQuery({ households: inCounties('h.county_code'), rows: { counties: inCounties } }, parameters.params, parameters.overrides);
}
