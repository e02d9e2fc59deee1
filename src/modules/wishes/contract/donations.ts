// Requests and responses of the donation routes (慈善捐赠) and of a household's assistance (government and charity).
import { z } from 'zod';
import { decimalInt, fen, householdNo, isoDate } from '../../../kernel/types.ts';
import { CLAIMANT_KINDS, DONATION_FORMS, DONOR_KINDS, WISH_KINDS } from '../codes.ts';
import { text } from './wishes.ts';

/** Cash (valueFen is the amount) or goods (description, quantity, valueFen their value); to a household or a campaign, one of them. */
export const newDonationSchema = z.strictObject({
  donorKind: z.enum(DONOR_KINDS, { message: '捐赠方类型应为 社会组织、个人 或 企业' }),
  donorName: text(1, 100, '捐赠方名称'),
  form: z.enum(DONATION_FORMS, { message: '捐赠形式应为 现金 或 物资' }),
  valueFen: fen.refine((v) => v > 0, '金额（价值）应大于0'),
  goodsDescription: text(1, 200, '物资名称').optional(),
  goodsQuantity: decimalInt(1, 1_000_000).optional(),
  householdNo: householdNo.optional(),
  campaignId: decimalInt(1).optional(),
  receivedOn: isoDate,
  note: z.string().trim().max(200, '备注不超过200字').optional(),
});
export const donationListQuery = z.strictObject({ householdNo: householdNo.optional(), campaign: decimalInt(1).optional(), limit: decimalInt(1, 200).default(50) });
export const donation = z.object({
  id: z.number(), countyCode: z.string(), donorKind: z.enum(DONOR_KINDS), donorKindLabel: z.string(), donorName: z.string(),
  form: z.enum(DONATION_FORMS), formLabel: z.string(), valueFen: z.number(), goodsDescription: z.string().nullable(), goodsQuantity: z.number().nullable(),
  householdNo: z.string().nullable(), campaign: z.object({ id: z.number(), name: z.string() }).nullable(), receivedOn: z.string(), note: z.string(), recordedBy: z.string(),
});
export const donationList = z.object({ items: z.array(donation) });

export const householdParam = z.strictObject({ householdNo });
export const assistanceQuery = z.strictObject({ year: decimalInt(2000, 2100).optional() });
export const assistance = z.object({
  householdNo: z.string(), year: z.number(),
  /** Government assistance: the household's entitlements (cases module), with what falls in the year. */
  government: z.array(z.object({
    programme: z.string(), programmeName: z.string(), schedule: z.enum(['monthly', 'one_off']), fromMonth: z.string(), toMonth: z.string().nullable(),
    amountFen: z.number(), months: z.number(), yearFen: z.number(),
  })),
  /** Charity: fulfilled wishes and donations to the household. */
  wishes: z.array(z.object({ wishNo: z.string(), kind: z.enum(WISH_KINDS), description: z.string(), valueFen: z.number(), fulfilledOn: z.string(), claimantKind: z.enum(CLAIMANT_KINDS), claimantName: z.string(), duplicates: z.array(z.string()) })),
  donations: z.array(donation.extend({ duplicates: z.array(z.string()) })),
  totals: z.object({ governmentFen: z.number(), charityFen: z.number(), wishesFen: z.number(), donationsFen: z.number() }),
});
