// Request and response shapes of the settlement-import routes (一站式结算导入); the web page uses the types.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt } from '../../../kernel/types.ts';

export const importNoSchema = z.string().regex(/^JS\d{16}$/, '导入编号应为 JS 加16位数字');

export const uploadQuery = z.strictObject({
  countyCode: countyCode.optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  fileName: z.string().trim().max(200).optional(),
});
export const listQuery = z.strictObject({
  county: countyCode.optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});
export const importParams = z.strictObject({ importNo: importNoSchema });
export const episodesQuery = z.strictObject({
  limit: decimalInt(1, 500).default(100),
  after: decimalInt(1).optional(),
});
export const figuresQuery = z.strictObject({
  area: areaCode,
  year: decimalInt(2000, 2100),
});

export const settlementImport = z.object({
  importNo: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  fileName: z.string(),
  rows: z.number(),
  amountFen: z.number(),
  importedBy: z.string(),
  department: z.string().nullable(),
  importedAt: z.string(),
});
export const settlementImportItem = settlementImport.extend({ importedByName: z.string() });
export const settlementImportList = z.object({ items: z.array(settlementImportItem), next: z.number().nullable() });

export const settledEpisode = z.object({
  id: z.number(),
  rowNo: z.number().nullable(),
  settlementNo: z.string().nullable(),
  name: z.string(),
  /** Masked: area code and last four kept. */
  idNumber: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  kind: z.enum(['outpatient', 'inpatient']),
  kindLabel: z.string(),
  critical: z.boolean(),
  hospital: z.string(),
  admittedOn: z.string(),
  dischargedOn: z.string(),
  settledOn: z.string().nullable(),
  year: z.number(),
  totalCostFen: z.number(),
  basicInsuranceFen: z.number(),
  criticalInsuranceFen: z.number(),
  eligibleSelfPayFen: z.number(),
  assistanceFen: z.number(),
  tiltFen: z.number(),
  areaCode: z.string(),
  areaName: z.string(),
});
export const settlementImportDetail = settlementImportItem.extend({
  episodes: z.object({ items: z.array(settledEpisode), next: z.number().nullable() }),
});

const cell = z.object({ episodes: z.number(), assistanceFen: z.number(), tiltFen: z.number(), amountFen: z.number() });
export const figureUnit = z.object({ code: z.string(), name: z.string(), outpatient: cell, inpatient: cell, critical: cell, total: cell });
export const settlementFigures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(), units: z.array(figureUnit), total: figureUnit,
});

export type SettlementImport = z.infer<typeof settlementImport>;
export type SettlementImportItem = z.infer<typeof settlementImportItem>;
export type SettlementImportDetail = z.infer<typeof settlementImportDetail>;
export type SettledEpisode = z.infer<typeof settledEpisode>;
export type SettlementFigures = z.infer<typeof settlementFigures>;
export type FigureUnit = z.infer<typeof figureUnit>;
