// The standards simulator: what dibao would cost under draft parameter values against the current
// ones, per county of the caller's scope and in total, computed set-based in SQL over the registry.
// What it covers is what dibao_benefit does with the fields the registry holds (see
// registry/facts.ts: no exclusions, every member has an able supporter).
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { createParameterSet, divideRounded, periodDate, RULE_SETS, ruleSetFor, type ParameterRow } from '../../../policy/index.ts';
import * as repo from '../repo/simulate.ts';
import { villageCounties } from '../repo/twin-areas.ts';
import { resolveParameters } from './twin-parameters.ts';
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
  const draftRows = withDraft(rows, input.draft, date, scope.role === 'system' ? null : scope);
  const draft = createParameterSet(draftRows);
  // A what-if over the whole registry: it may lag as a report does (a replica); the parameters are the primary's.
  const reads = (await db.reads.source()).kysely;
  const counties = await villageCounties(reads, inScope(scope, 'code'));
  const resolved = resolveParameters([current, draft], [rows, draftRows], counties, date, ['eligibility', 'benefit']);
  const missing = resolved.missing[0];
  if (missing) throw new AppError('parameter_missing', missing.message, 409, { parameter: missing.parameter });
  const { figures: rowsOut, agricultural } = await repo.simulateDibao(reads, scope, resolved.params, resolved.overrides);
  const countyCodes = [...new Set([...rowsOut.map((r) => r.county), ...agricultural.keys()])].sort();
  const names = await repo.countyNames(reads, countyCodes);
  const find = (c: string, s: number) => rowsOut.find((r) => r.county === c && r.s === s);
  const agriTotal = [...agricultural.values()].reduce((a, b) => a + b, 0);
  return {
    month: input.month,
    ruleSet: { current: ruleSetFor(date, current), draft: ruleSetFor(date, draft) },
    counties: countyCodes.map((c) => ({
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
