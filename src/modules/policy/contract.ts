// Response shapes of the policy API: they document the routes in /api/openapi.json and serialise
// what the services return (service/parameters.ts, explain.ts, simulate.ts); web/src/pages/policy/api.ts reads them.
import { z } from 'zod';
import { RULE_SETS, UNITS, worksheetLineSchema } from '../../policy/index.ts';

const ruleSet = z.enum(RULE_SETS).nullable();
const storedValue = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);

export const parameterValue = z.object({
  id: z.number(), name: z.string(), area: z.string(), areaName: z.string().nullable(), ruleSet, effective: z.string(), value: storedValue,
  valueReference: z.string().nullable(), origin: z.enum(['file', 'api']), createdBy: z.string(), createdAt: z.string(),
  usedAt: z.string().nullable(), used: z.boolean(), current: z.boolean(),
});

export const parameter = z.object({ name: z.string(), description: z.string(), unit: z.enum(UNITS), reference: z.string(), values: z.array(parameterValue) });
export const parameterList = z.object({ items: z.array(parameter) });

/** A parameter as a formula read it (money in fen), with its document. */
const parameterRead = z.object({
  name: z.string(), value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]), unit: z.string(),
  effective: z.string(), area: z.string(), ruleSet, reference: z.string(),
});
const step = z.object({ name: z.string(), value: z.unknown(), unit: z.string().nullable(), parameters: z.array(parameterRead) });
/** A formula's result (its own shape, passed through whole) and the steps that computed it. */
const explained = z.object({ value: z.unknown(), steps: z.array(step) });

export const explanation = z.object({
  householdNo: z.string(), month: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string(), hukou: z.string() })),
  dibaoBenefit: explained, nearDibao: explained, singlePersonDibao: explained,
  /** The dibao benefit as a caseworker's worksheet (Chinese lines; amounts in fen add up to the total). */
  worksheet: z.array(worksheetLineSchema),
});

const figures = z.object({
  households: z.number(), persons: z.number(), monthly: z.number(), yearly: z.number(), averagePerPerson: z.number(),
  ruralPersons: z.number(), agriculturalPopulation: z.number(), ruralCoverage: z.number().nullable(),
});
const scenarios = z.object({ current: figures, draft: figures });

export const simulation = z.object({
  month: z.string(),
  ruleSet: z.object({ current: z.string(), draft: z.string() }),
  counties: z.array(z.object({ county: z.string(), name: z.string() }).extend(scenarios.shape)),
  total: scenarios,
});
