// Requests and responses of the reconciliation (对账) and figures (统计) routes.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt } from '../../../kernel/types.ts';
import { FINDING_KINDS } from '../codes.ts';

const year = decimalInt(2000, 2100);
export const reconciliationQuery = z.strictObject({ countyCode, year });
export const finding = z.object({
  kind: z.enum(FINDING_KINDS), kindLabel: z.string(), claimNo: z.string(), householdNo: z.string(), headName: z.string(), villageName: z.string(),
  eventNo: z.string(), message: z.string(),
});
export const reconciliation = z.object({
  countyCode: z.string(), countyName: z.string(), year: z.number(), stackingRule: z.enum(['both', 'deduct']), stackingRuleLabel: z.string(),
  claims: z.number(), counts: z.array(z.object({ kind: z.enum(FINDING_KINDS), kindLabel: z.string(), count: z.number() })),
  findings: z.array(finding),
});

export const figuresQuery = z.strictObject({ area: areaCode, year });
const figureRow = z.object({ insured: z.number(), claims: z.number(), paidClaims: z.number(), paidFen: z.number(), refusedClaims: z.number() });
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ areaCode: z.string(), areaName: z.string() })),
  total: figureRow,
  byEvent: z.array(z.object({ eventNo: z.string(), eventName: z.string(), claims: z.number(), paidClaims: z.number(), paidFen: z.number() })),
});
