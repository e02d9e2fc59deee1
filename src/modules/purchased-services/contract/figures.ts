// Requests and responses of the figures route: contracts of a year and their amount, tasks by kind, assistants in post, by county.
import { z } from 'zod';
import { areaCode, decimalInt } from '../../../kernel/types.ts';
import { TASK_KINDS } from '../codes.ts';

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });
const kindRow = z.object({
  kind: z.enum(TASK_KINDS), kindLabel: z.string(),
  /** Assigned in the year; performed (done) in the year; of those, confirmed; overdue now (open past the due date). */
  assigned: z.number(), done: z.number(), confirmed: z.number(), overdue: z.number(),
});
const figureRow = z.object({
  /** Contracts in force at some time of the year, and their amount (fen). */
  contracts: z.number(), amountFen: z.number(),
  tasksAssigned: z.number(), tasksDone: z.number(), tasksConfirmed: z.number(), tasksOverdue: z.number(),
  byKind: z.array(kindRow),
  /** 社会救助协理员 in post on 31 December of the year. */
  assistants: z.number(),
});
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ countyCode: z.string(), countyName: z.string() })),
  total: figureRow,
});
