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

export const eventFiguresParam = z.strictObject({ eventNo: z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字') });
/** One disaster event's claims in the caller's subtree: by status, the amount assessed payable and the amount paid. */
export const eventFigures = z.object({
  eventNo: z.string(), eventName: z.string(),
  claims: z.number(), reportedClaims: z.number(), assessedClaims: z.number(), paidClaims: z.number(), refusedClaims: z.number(),
  payableFen: z.number(), paidFen: z.number(),
});
