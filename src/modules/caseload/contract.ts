// The caseload import's API shapes (shared with the web): the upload's query, a warning per row, the result.
import { z } from 'zod';
import { countyCode, month } from '../../kernel/types.ts';

export const uploadQuery = z.strictObject({
  countyCode: countyCode.optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  fileName: z.string().trim().max(200).optional(),
  /** `true`: validate only, nothing written. */
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The first month Jiuzhu pays (default the current month). */
  firstMonth: month.optional(),
});

export const caseloadWarning = z.object({
  row: z.number(), column: z.string(), programme: z.enum(['dibao', 'hardship']), householdNo: z.string(),
  importedFen: z.number(), formulaFen: z.number().nullable(), message: z.string(),
});
export type CaseloadWarning = z.infer<typeof caseloadWarning>;

export const caseloadResult = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  fileName: z.string(),
  rows: z.number(),
  firstMonth: z.string(),
  /** `closed`: of them, cases the previous system closed (imported as exited); `amountFen`: the monthly amounts of the open ones. */
  imported: z.object({ dibao: z.number(), hardship: z.number(), closed: z.number(), amountFen: z.number() }),
  warnings: z.array(caseloadWarning),
  warningCount: z.number(),
});
export type CaseloadResult = z.infer<typeof caseloadResult>;

/** The details of a refused file (400 `caseload_rejected`). */
export type CaseloadRejection = {
  errors: { row: number; column: string; message: string }[];
  errorCount: number;
  warnings: CaseloadWarning[];
  warningCount: number;
};
