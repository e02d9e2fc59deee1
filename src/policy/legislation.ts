// Legislation cases (OpenFisca style): YAML files under tests/ holding worked examples of the law.
// Each case names a formula, a period, optionally a rule set and test-only parameter values (an
// overlay of dated rows), the input and the expected output (a subset of the result, numbers within
// `tolerance`), or an expected error. The runner is legislation.test.ts; this module holds the logic.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { RULE_SETS } from './parameter-schema.ts';
import { createParameterSet, type ParameterRow, type ParameterSet } from './parameters.ts';
import { evaluateFormula } from './formulas/index.ts';

export const CASES_DIR = fileURLToPath(new URL('./tests/', import.meta.url));

const overlayValue = z.strictObject({
  name: z.string(),
  area: z.string(),
  rule_set: z.enum(RULE_SETS).optional(),
  effective: z.string(),
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
});

export const legislationCaseSchema = z.strictObject({
  name: z.string().min(1),
  formula: z.string().min(1),
  period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  rule_set: z.enum(RULE_SETS).optional(),
  parameters: z.array(overlayValue).default([]),
  input: z.record(z.string(), z.unknown()),
  output: z.unknown().optional(),
  error: z.string().optional(),
  tolerance: z.number().nonnegative().default(0),
});
export type LegislationCase = z.infer<typeof legislationCaseSchema> & { file: string };

export function loadCases(dir: string = CASES_DIR): LegislationCase[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.yaml') ? [join(d, e.name)] : []);
  return walk(dir).sort().flatMap((path) => {
    const file = relative(dir, path);
    const raw: unknown = parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(raw)) throw new Error(`${file}: a legislation test file is a list of cases`);
    return raw.map((entry, i) => {
      const parsed = legislationCaseSchema.safeParse(entry);
      if (!parsed.success) throw new Error(`${file} case #${i + 1}: ${z.prettifyError(parsed.error)}`);
      return { ...parsed.data, file };
    });
  });
}

/** The base rows with the case's test-only values added (unit and references copied from the base). */
export function parametersForCase(base: readonly ParameterRow[], c: LegislationCase): ParameterSet {
  const overlay = c.parameters.map((o): ParameterRow => {
    const template = base.find((r) => r.name === o.name);
    if (!template) throw new Error(`${c.file} › ${c.name}: overlay names unknown parameter "${o.name}"`);
    return { ...template, area: o.area, ruleSet: o.rule_set ?? null, effective: o.effective, value: o.value, valueReference: 'test-only value' };
  });
  return createParameterSet([...base, ...overlay]);
}

/** Differences between expected (a subset) and actual, as "path: expected X, got Y" lines. */
export function mismatches(expected: unknown, actual: unknown, tolerance: number, path = 'output'): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((e, i) => mismatches(e, actual[i], tolerance, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, e]) => mismatches(e, (actual as Record<string, unknown>)[k], tolerance, `${path}.${k}`));
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Run one case; returns the list of problems (empty when it passes). */
export function runCase(base: readonly ParameterRow[], c: LegislationCase): string[] {
  const request = { params: parametersForCase(base, c), period: c.period, ...(c.rule_set ? { ruleSet: c.rule_set } : {}) };
  try {
    const result = evaluateFormula(c.formula, request, c.input);
    if (c.error !== undefined) return [`expected an error containing "${c.error}", got ${JSON.stringify(result.value)}`];
    return mismatches(c.output, result.value, c.tolerance);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (c.error !== undefined && message.includes(c.error)) return [];
    return [`threw: ${message}`];
  }
}
