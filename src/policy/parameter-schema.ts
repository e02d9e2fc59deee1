// The format of one parameter file under parameters/ (one legal quantity per file, OpenFisca style):
// description, unit, reference and a list of dated values per area and optional rule set.
// Validation names the file and the field, so a bad edit is found before any formula runs.
import { z } from 'zod';
import { isAreaCode } from './area.ts';
import { isIsoDate } from './dates.ts';

export const RULE_SETS = ['cn-2012', 'cn-2021'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const UNITS = [
  'yuan', 'yuan_per_person_month', 'yuan_per_person_year', 'yuan_per_person_day',
  'ratio', 'factor', 'fraction', 'working_days', 'minutes', 'days', 'months', 'years', 'persons', 'count',
  'grade', 'day_of_month', 'month_of_year', 'bool', 'date', 'code', 'list',
] as const;
export type Unit = (typeof UNITS)[number];

const isoDate = z.string().refine(isIsoDate, 'must be an ISO date YYYY-MM-DD');

/** YAML parses unquoted 2015-01-01 as a string with the `yaml` package's core schema. */
const scalar = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);
export type ParameterScalar = z.infer<typeof scalar>;

const datedValue = z.strictObject({
  area: z.string().refine(isAreaCode, 'must be CN or a 6-, 9- or 12-digit area code'),
  rule_set: z.enum(RULE_SETS).optional(),
  effective: isoDate,
  value: scalar,
  reference: z.string().min(1).optional(),
});

export const parameterFileSchema = z
  .strictObject({
    description: z.string().min(1),
    unit: z.enum(UNITS),
    reference: z.string().min(1),
    values: z.array(datedValue).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.values.forEach((v, i) => {
      const key = `${v.area}|${v.rule_set ?? '*'}|${v.effective}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['values', i], message: `duplicate (area, rule_set, effective) ${key}` });
      }
      seen.add(key);
      const problem = v.value === null ? null : valueProblem(file.unit, v.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: problem });
    });
  });
export type ParameterFile = z.infer<typeof parameterFileSchema>;

/** Why a value does not fit its unit, or null when it does. */
export function valueProblem(unit: Unit, value: Exclude<ParameterScalar, null>): string | null {
  switch (unit) {
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false for unit bool';
    case 'list':
      return Array.isArray(value) ? null : 'must be a list of strings for unit list';
    case 'code':
      return typeof value === 'string' ? null : 'must be a string for unit code';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'must be an ISO date for unit date';
    case 'fraction':
      return typeof value === 'string' && /^\d+\/[1-9]\d*$/.test(value) ? null : 'must be "n/d" for unit fraction';
    case 'ratio':
      return typeof value === 'number' && value >= 0 && value <= 1 ? null : 'must be a number in [0, 1] for unit ratio';
    default:
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? null
        : `must be a non-negative number for unit ${unit}`;
  }
}

export class ParameterFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(`Invalid parameter file ${file}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'ParameterFileError';
  }
}

/** Validate one parsed parameter file; throws ParameterFileError naming the file and each bad field. */
export function validateParameterFile(file: string, data: unknown): ParameterFile {
  const result = parameterFileSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(file)',
    message: issue.message,
  }));
  throw new ParameterFileError(file, issues);
}
