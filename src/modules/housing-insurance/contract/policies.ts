// Requests and responses of the policy and insured-household routes (农房保险保单、参保农户): money in fen,
// dates ISO; every code has its Chinese label beside it, so the web never shows a code.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, fen, isoDate } from '../../../kernel/types.ts';
import { INSURED_SOURCES, PERILS, STRUCTURES } from '../codes.ts';
import { PERIL_LABELS, STRUCTURE_LABELS } from '../labels.ts';

const year = decimalInt(2000, 2100);
const money = fen.max(1_000_000_000_00, '金额过大');

export const policyParam = z.strictObject({ countyCode, year });

export const newPolicySchema = z.strictObject({
  /** The county; the caller's own county when left out. */
  countyCode: countyCode.optional(),
  year,
  policyNo: z.string().trim().min(1, '请填写保单号').max(60, '保单号不超过60字'),
  insurer: z.string().trim().min(1, '请填写承保保险公司').max(100, '保险公司名称不超过100字'),
  premiumFen: money.min(1, '每户保费应大于0'),
  /** The government's share of the premium, per mille (1000 = all of it). */
  governmentPermille: z.number().int('政府补贴比例应为整数（千分比）').min(0, '政府补贴比例不能为负').max(1000, '政府补贴比例不超过1000‰'),
  perils: z.array(z.enum(PERILS, { message: `保险责任应为 ${PERILS.map((p) => PERIL_LABELS[p]).join('、')} 之一` })).min(1, '请至少选择一种保险责任（灾种）').max(PERILS.length)
    .refine((a) => new Set(a).size === a.length, '保险责任不能重复'),
  /** Sum insured per house, for every structure. */
  sums: z.strictObject(Object.fromEntries(STRUCTURES.map((s) => [s, money.min(1, `${STRUCTURE_LABELS[s]}结构的保险金额应大于0`)])) as Record<(typeof STRUCTURES)[number], typeof money>),
  coverageFrom: isoDate,
  coverageTo: isoDate,
  note: z.string().max(500, '备注不超过500字').default(''),
});

export const policyListQuery = z.strictObject({ area: areaCode.optional(), year: year.optional() });

const sumRow = z.object({ structure: z.enum(STRUCTURES), structureLabel: z.string(), sumFen: z.number() });
export const policyView = z.object({
  countyCode: z.string(), countyName: z.string(), year: z.number(), policyNo: z.string(), insurer: z.string(),
  premiumFen: z.number(), governmentPermille: z.number(), governmentPremiumFen: z.number(),
  perils: z.array(z.enum(PERILS)), perilLabels: z.array(z.string()), sums: z.array(sumRow),
  coverageFrom: z.string(), coverageTo: z.string(), createdBy: z.string(), createdOn: z.string(), note: z.string(),
  /** insured households in the caller's scope */
  insured: z.number(),
});
export const policyList = z.object({ items: z.array(policyView) });
export const policyDetail = policyView.extend({
  byVillage: z.array(z.object({ villageCode: z.string(), villageName: z.string(), townshipName: z.string(), insured: z.number() })),
  mayManage: z.boolean(),
});

// ---- insured households
export const insuredQuery = z.strictObject({
  village: z.string().regex(/^\d{12}$/, '村（居）代码应为12位数字').optional(),
  unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: decimalInt(1, 500).default(50),
  after: decimalInt(1).optional(),
});
export const fileQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx'), fileName: z.string().trim().max(200).optional() });
export const insuredGenerated = z.object({ added: z.number(), total: z.number() });
export const insuredImported = z.object({ rows: z.number(), added: z.number(), updated: z.number(), total: z.number() });
export const insuredPage = z.object({
  items: z.array(z.object({
    householdId: z.number(), householdNo: z.string(), headName: z.string(), headIdNumber: z.string(), villageName: z.string(),
    structure: z.enum(STRUCTURES).nullable(), structureLabel: z.string(), source: z.enum(INSURED_SOURCES), sourceLabel: z.string(), addedOn: z.string(),
  })),
  next: z.number().nullable(),
});
