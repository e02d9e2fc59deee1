// Request and response shapes of 救灾物资发放: goods issued to a household of an event, never changed.
import { z } from 'zod';
import { areaCode, householdNo, isoDate } from '../../../kernel/types.ts';
import { GOODS_ITEMS } from '../codes.ts';
import { GOODS_LABELS } from '../labels.ts';

export const newGoodsSchema = z.strictObject({
  householdNo,
  item: z.enum(GOODS_ITEMS, { message: `物资应为 ${GOODS_ITEMS.map((i) => `${GOODS_LABELS[i].label}（${i}）`).join('、')} 之一` }),
  quantity: z.number({ error: '数量应为正整数' }).int('数量应为正整数').min(1, '数量应为正整数').max(100_000, '数量过大'),
  issuedOn: isoDate,
  note: z.string().trim().max(200, '备注不超过200字').default(''),
}).refine((g) => g.item !== 'other' || g.note !== '', { message: '发放“其他”物资须在备注中写明物品', path: ['note'] });

export const goodsListQuery = z.strictObject({ area: areaCode.optional(), householdNo: householdNo.optional() });

export const goodsView = z.object({
  householdNo: z.string(),
  headName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  item: z.enum(GOODS_ITEMS),
  itemLabel: z.string(),
  unit: z.string(),
  quantity: z.number(),
  issuedOn: z.string(),
  issuedBy: z.string(),
  note: z.string(),
});

export const goodsList = z.object({
  items: z.array(goodsView),
  /** Per item issued (in its unit), with how many households received it. */
  totals: z.array(z.object({ item: z.enum(GOODS_ITEMS), itemLabel: z.string(), unit: z.string(), quantity: z.number(), households: z.number() })),
});

export const goodsIssued = z.object({ eventNo: z.string(), householdNo: z.string(), item: z.enum(GOODS_ITEMS), itemLabel: z.string(), unit: z.string(), quantity: z.number(), issuedOn: z.string() });
