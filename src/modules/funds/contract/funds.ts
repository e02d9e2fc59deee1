// Requests and responses of budgets (预算), transfers received (资金到位), execution (执行) and its warnings.
import { z } from 'zod';
import { areaCode, countyCode, isoDate } from '../../../kernel/types.ts';
import { FUND_SOURCES } from '../codes.ts';
import { amountFen, document, earmark, programme, source, year } from './common.ts';

export const newBudgetSchema = z.strictObject({
  /** Default: the caller's own county. */
  countyCode: countyCode.optional(),
  year,
  programme,
  source,
  earmark,
  amountFen,
  document,
});

export const newTransferSchema = z.strictObject({
  countyCode: countyCode.optional(),
  receivedOn: isoDate,
  programme,
  source,
  earmark,
  amountFen,
  document,
});

/** The area (a county or the prefecture; default the caller's own) and the year. */
export const yearQuery = z.strictObject({ area: areaCode.optional(), year });
/** Execution as of a day (default today, China time): the months elapsed of the year and what was paid and received by then. */
export const executionQuery = yearQuery.extend({ asOf: isoDate.optional() });

const bySource = z.object(Object.fromEntries(FUND_SOURCES.map((s) => [s, z.number()])) as Record<(typeof FUND_SOURCES)[number], z.ZodNumber>);

export const budgetItem = z.object({
  id: z.number(), countyCode: z.string(), countyName: z.string(), year: z.number(), programme: z.string(), programmeLabel: z.string(),
  source: z.enum(FUND_SOURCES), sourceLabel: z.string(), earmark: z.string(), amountFen: z.number(), document: z.string(), recordedBy: z.string(),
});
export const budgetList = z.object({ items: z.array(budgetItem) });

export const transferItem = z.object({
  id: z.number(), countyCode: z.string(), countyName: z.string(), receivedOn: z.string(), programme: z.string(), programmeLabel: z.string(),
  source: z.enum(FUND_SOURCES), sourceLabel: z.string(), earmark: z.string(), amountFen: z.number(), document: z.string(), recordedBy: z.string(),
});
export const transferList = z.object({ items: z.array(transferItem) });

export const executionItem = z.object({
  countyCode: z.string(), countyName: z.string(), programme: z.string(), programmeLabel: z.string(),
  budgetFen: z.number(), budgetBySource: bySource, receivedFen: z.number(), spentFen: z.number(),
  /** spent ÷ budget; null without a budget. */
  rate: z.number().nullable(),
  /** received ÷ budget (到位率); null without a budget. */
  receivedRate: z.number().nullable(),
  /** The schedule: months elapsed ÷ 12. */
  expected: z.number(),
  /** Execution behind the schedule by more than the tolerance. */
  behind: z.boolean(),
});
export const executionResult = z.object({
  area: z.string(), areaName: z.string(), year: z.number(), asOf: z.string(), monthsElapsed: z.number(), tolerance: z.number(),
  items: z.array(executionItem),
  total: z.object({ budgetFen: z.number(), budgetBySource: bySource, receivedFen: z.number(), spentFen: z.number(), rate: z.number().nullable() }),
});
export type ExecutionResult = z.infer<typeof executionResult>;
export const fundWarnings = z.object({ area: z.string(), year: z.number(), asOf: z.string(), items: z.array(executionItem) });
