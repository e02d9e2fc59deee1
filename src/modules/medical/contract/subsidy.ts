// Requests and responses of the premium-subsidy routes (资助参保): they document the routes in
// /api/openapi.json; money in fen, dates ISO. Groups, statuses and results are codes with their Chinese
// label beside them, so the web never shows a code.
import { z } from 'zod';
import { decimalInt, isoDate } from '../../../kernel/types.ts';

export const SUBSIDY_STATUSES = ['draft', 'reviewed', 'approved', 'exported', 'void'] as const;
export const SUBSIDY_GROUPS = ['hardship', 'dibao'] as const;
export const SUBSIDY_RESULTS = ['pending', 'enrolled', 'refused'] as const;

export const listNoSchema = z.string().regex(/^ZC\d{16}$/, '名单编号格式应为 ZC + 县代码 + 年度 + 6位序号');
/** The insurance year: a JSON number or decimal digits. */
const year = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v),
  z.number({ error: '年度应为数字（如 2016）' }).int('年度应为整数').min(2000, '年度应在2000至2100之间').max(2100, '年度应在2000至2100之间'),
);
const bool = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
const format = z.enum(['xlsx', 'csv']).default('xlsx');

// ---- requests
export const generateBody = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码应为6位数字'),
  year,
  asOf: isoDate,
});
export const listQuery = z.strictObject({
  area: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional(),
  year: year.optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});
export const listParam = z.strictObject({ listNo: listNoSchema });
export const entryParam = z.strictObject({ listNo: listNoSchema, entryId: decimalInt(1) });
export const entriesQuery = z.strictObject({
  township: z.string().regex(/^\d{9}$/, '乡镇代码应为9位数字').optional(),
  village: z.string().regex(/^\d{12}$/, '村（居）代码应为12位数字').optional(),
  group: z.enum(SUBSIDY_GROUPS, { error: '人员类别应为 hardship（特困人员）或 dibao（低保对象）' }).optional(),
  excluded: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  unmask: bool,
  limit: decimalInt(1, 500).default(50),
  after: decimalInt(1).optional(),
});
export const excludeBody = z.strictObject({ reason: z.string().trim().min(2, '请填写剔除原因（至少2个字）').max(200, '剔除原因不超过200字') });
export const fileQuery = z.strictObject({ format });
export const resultQuery = z.strictObject({ format, fileName: z.string().trim().max(200).optional() });
export const figuresQuery = z.strictObject({
  area: z.string().regex(/^(\d{6}|\d{9})$/, '区划代码应为6或9位数字'),
  year,
});

// ---- responses
const status = z.enum(SUBSIDY_STATUSES);
const group = z.enum(SUBSIDY_GROUPS);
export const subsidyList = z.object({
  listNo: z.string(), countyCode: z.string(), countyName: z.string(), year: z.number(), asOf: z.string(),
  status, statusLabel: z.string(), persons: z.number(), amountFen: z.number(), enrolled: z.number(), refused: z.number(),
  createdBy: z.string(), createdOn: z.string(), reviewedBy: z.string().nullable(), reviewedOn: z.string().nullable(),
  approvedBy: z.string().nullable(), approvedOn: z.string().nullable(), exportedOn: z.string().nullable(), resultImportedOn: z.string().nullable(),
});
export const subsidyListPage = z.object({ items: z.array(subsidyList), next: z.number().nullable() });
const groupTotal = z.object({ group, groupLabel: z.string(), persons: z.number(), contributionFen: z.number(), amountFen: z.number() });
export const subsidyListDetail = subsidyList.extend({
  /** non-excluded entries in the caller's scope, by group and by township */
  byGroup: z.array(groupTotal),
  byTownship: z.array(z.object({ townshipCode: z.string(), townshipName: z.string(), persons: z.number(), amountFen: z.number() })),
  excluded: z.number(),
});
export const subsidyEntry = z.object({
  id: z.number(), townshipCode: z.string(), townshipName: z.string(), villageCode: z.string(), villageName: z.string(),
  name: z.string(), idNumber: z.string(), group, groupLabel: z.string(), basisCaseNo: z.string(),
  contributionFen: z.number(), subsidyFen: z.number(), selfPayFen: z.number(),
  excluded: z.boolean(), excludeReason: z.string().nullable(),
  result: z.enum(SUBSIDY_RESULTS), resultLabel: z.string(), resultReason: z.string().nullable(),
});
export const subsidyEntryPage = z.object({ items: z.array(subsidyEntry), next: z.number().nullable() });
export const entryChanged = z.object({ listNo: z.string(), entryId: z.number(), excluded: z.boolean(), persons: z.number(), amountFen: z.number() });
export const resultImported = z.object({ listNo: z.string(), rows: z.number(), enrolled: z.number(), refused: z.number(), pending: z.number() });
const figureRow = z.object({ lists: z.number(), persons: z.number(), amountFen: z.number(), enrolled: z.number(), refused: z.number() });
export const subsidyFigures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ areaCode: z.string(), areaName: z.string() })),
  total: figureRow,
});

export type SubsidyStatus = z.infer<typeof status>;
export type SubsidyGroup = z.infer<typeof group>;
export type SubsidyListItem = z.infer<typeof subsidyList>;
export type SubsidyListDetail = z.infer<typeof subsidyListDetail>;
export type SubsidyEntry = z.infer<typeof subsidyEntry>;
export type SubsidyFigures = z.infer<typeof subsidyFigures>;
