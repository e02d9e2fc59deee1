// Requests and responses of the wish routes (微心愿): record, the steps, lists, the wall, campaigns, figures.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, fen, householdNo, isoDate } from '../../../kernel/types.ts';
import { CLAIMANT_KINDS, CONFIRMATION_KINDS, REGISTER_CLAIMANT_KINDS, WISH_KINDS, WISH_STATUSES } from '../codes.ts';

export const WISH_NO = /^WX\d{16}$/;
export const wishNoParam = z.strictObject({ wishNo: z.string().regex(WISH_NO, '心愿编号应为 WX 加16位数字') });
export const text = (min: number, max: number, what: string) => z.string().trim().min(min, min <= 1 ? `请填写${what}` : `${what}至少${min}字`).max(max, `${what}不超过${max}字`);

export const newWishSchema = z.strictObject({
  householdNo,
  kind: z.enum(WISH_KINDS, { message: '心愿类型应为 物品 或 服务' }),
  /** What is wished, without the household's name, ID number, phone or address (the wall shows it). */
  description: text(2, 200, '心愿内容'),
  valueFen: fen.refine((v) => v > 0, '心愿价值应大于0'),
  campaignId: decimalInt(1).optional(),
  /** The household's consent to publish the wish: required. */
  consentOn: isoDate,
  consentBy: text(1, 50, '同意人'),
});

export const publishSchema = z.strictObject({ publishedOn: isoDate });
/**
 * An organisation, team or volunteer is an entry of the volunteers register of the wish's county, named by
 * its id (`claimantId`; the name is taken from the register); a donor (爱心人士) is a free name.
 */
export const claimSchema = z.strictObject({
  claimedOn: isoDate,
  claimantKind: z.enum(CLAIMANT_KINDS, { message: '认领方应为 社会组织、志愿服务队伍、志愿者 或 爱心人士' }),
  claimantId: decimalInt(1).optional(),
  claimantName: text(1, 100, '爱心人士姓名').optional(),
  /** An optional reference kept with the claim (e.g. a donor's receipt number). */
  claimantRef: text(1, 100, '认领方编号').optional(),
}).superRefine((b, ctx) => {
  if (b.claimantKind === 'donor') {
    if (b.claimantName === undefined) ctx.addIssue({ code: 'custom', path: ['claimantName'], message: '请填写爱心人士姓名' });
    if (b.claimantId !== undefined) ctx.addIssue({ code: 'custom', path: ['claimantId'], message: '爱心人士无需从社会力量登记中选择' });
  } else {
    if (b.claimantId === undefined) ctx.addIssue({ code: 'custom', path: ['claimantId'], message: '请从社会力量登记中选择认领的组织、队伍或志愿者' });
    if (b.claimantName !== undefined) ctx.addIssue({ code: 'custom', path: ['claimantName'], message: '名称取自社会力量登记，无需填写' });
  }
});
/** Entries of the wish's county a claim may name: organisations (active), teams (of active ones), volunteers. */
export const claimantsQuery = z.strictObject({
  kind: z.enum(REGISTER_CLAIMANT_KINDS, { message: '应为 社会组织、志愿服务队伍 或 志愿者' }),
  q: z.string().trim().max(50, '搜索内容不超过50字').default(''),
});
/** Names only (a volunteer's masked), with what tells entries apart; the id is what a claim sends. */
export const claimants = z.object({ items: z.array(z.object({ id: z.number(), label: z.string(), detail: z.string() })) });
export const fulfilSchema = z.strictObject({
  fulfilledOn: isoDate,
  confirmationKind: z.enum(CONFIRMATION_KINDS, { message: '确认方式应为 照片 或 签字确认' }),
  /** The reference of the photo or of the signed receipt (file number, archive number). */
  confirmationRef: text(1, 200, '确认凭证编号'),
});
export const withdrawSchema = z.strictObject({ withdrawnOn: isoDate, reason: text(2, 200, '撤回原因') });

const bool = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');
export const wishListQuery = z.strictObject({
  area: areaCode.optional(),
  status: z.enum(WISH_STATUSES).optional(),
  /** Only published wishes unclaimed beyond wishes.unclaimed_warning_days. */
  unclaimed: bool.optional(),
  campaign: decimalInt(1).optional(),
  householdNo: householdNo.optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});
export const wallQuery = z.strictObject({ area: areaCode.optional(), campaign: decimalInt(1).optional(), limit: decimalInt(1, 200).default(100), after: decimalInt(1).optional() });

const campaignRef = z.object({ id: z.number(), name: z.string() }).nullable();
export const wishItem = z.object({
  wishNo: z.string(), countyCode: z.string(), villageCode: z.string(), villageName: z.string(), householdNo: z.string(),
  kind: z.enum(WISH_KINDS), kindLabel: z.string(), description: z.string(), valueFen: z.number(), campaign: campaignRef,
  status: z.enum(WISH_STATUSES), statusLabel: z.string(), recordedOn: z.string(), publishedOn: z.string().nullable(),
  claimedOn: z.string().nullable(), claimantKind: z.enum(CLAIMANT_KINDS).nullable(), claimantKindLabel: z.string().nullable(), claimantName: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  /** Days since publication while published and unclaimed; null otherwise. */
  unclaimedDays: z.number().nullable(),
  /** Published and unclaimed beyond wishes.unclaimed_warning_days. */
  unclaimedWarning: z.boolean(),
});
export const wishList = z.object({ items: z.array(wishItem), next: z.number().nullable(), warningDays: z.number() });
export const wishDetail = wishItem.extend({
  consentOn: z.string(), consentBy: z.string(), claimantRef: z.string().nullable(),
  /** The register entry of an organisation, team or volunteer claimant; null for a donor (and for claims made before the register link). */
  claimantId: z.number().nullable(),
  confirmationKind: z.enum(CONFIRMATION_KINDS).nullable(), confirmationKindLabel: z.string().nullable(), confirmationRef: z.string().nullable(),
  withdrawnOn: z.string().nullable(), withdrawnReason: z.string().nullable(), createdBy: z.string(), mayManage: z.boolean(),
});

/** The wish wall: published wishes, the household masked (the village's name only; no name, ID number, phone or address). */
export const wallItem = z.object({
  wishNo: z.string(), villageName: z.string(), kind: z.enum(WISH_KINDS), kindLabel: z.string(), description: z.string(), valueFen: z.number(),
  campaign: campaignRef, publishedOn: z.string(),
});
export const wall = z.object({ items: z.array(wallItem), next: z.number().nullable() });

export const newCampaignSchema = z.strictObject({
  /** A county or the prefecture; default: the caller's own county (or prefecture). */
  areaCode: countyCode.optional(),
  name: text(2, 100, '活动名称'),
  fromOn: isoDate,
  toOn: isoDate,
});
export const campaign = z.object({ id: z.number(), areaCode: z.string(), areaName: z.string(), name: z.string(), fromOn: z.string(), toOn: z.string() });
export const campaignList = z.object({ items: z.array(campaign) });

export const figuresQuery = z.strictObject({ area: areaCode.optional(), year: decimalInt(2000, 2100) });
const figureRow = z.object({
  /** Wishes published in the year. */
  published: z.number(),
  /** Wishes fulfilled in the year, and their value. */
  fulfilled: z.number(), fulfilledFen: z.number(),
  /** Published and unclaimed now (any year). */
  unclaimed: z.number(),
  /** Donations received in the year: count and amount (cash and goods at value). */
  donations: z.number(), donationsFen: z.number(),
});
export const figures = z.object({
  area: z.string(), areaName: z.string(), year: z.number(),
  items: z.array(figureRow.extend({ countyCode: z.string(), countyName: z.string() })),
  total: figureRow,
});
