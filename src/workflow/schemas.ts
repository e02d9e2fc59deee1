// Data schemas of the workflow steps (what each transition records), with Chinese messages.
import { z } from 'zod';
import { idNumber, isoDate } from '../kernel/types.ts';

const text = (min: number, max: number, what: string) => z.string().trim().min(min, `请填写${what}`).max(max, `${what}过长`);

/** A file kept elsewhere (scan, photo): the case records its reference and metadata, not the bytes. */
export const attachmentSchema = z.strictObject({
  name: text(1, 200, '附件名称'),
  ref: text(1, 500, '附件引用'),
  mimeType: z.string().max(100).optional(),
  size: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为64位十六进制').optional(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const emptySchema = z.strictObject({});

export const homeVisitSchema = z.strictObject({
  date: isoDate,
  staff: z.array(text(1, 20, '调查人员姓名')).min(1, '请填写调查人员').max(10),
  findings: text(2, 2000, '调查情况'),
  attachments: z.array(attachmentSchema).max(20).default([]),
});

/**
 * Economic status verification (家庭经济状况核对): the result of a verification request of the
 * verification module (`method: 'request'`, its `requestNo`), or a manual check where the case has none.
 */
export const verificationSchema = z
  .strictObject({
    method: z.enum(['manual', 'request'], { message: '核对方式应为 manual（人工核对）或 request（核对请求）' }).default('manual'),
    requestNo: z.string().regex(/^HD\d{18}$/, '核对请求编号格式应为 HD + 18 位数字').optional(),
    result: z.enum(['pass', 'fail'], { message: '核对结果应为 pass 或 fail' }),
    note: text(2, 1000, '核对说明'),
    attachments: z.array(attachmentSchema).max(20).default([]),
  })
  .refine((d) => d.method !== 'request' || d.requestNo !== undefined, { message: '按核对请求记录结果时须填写核对请求编号', path: ['requestNo'] });
export type Verification = z.output<typeof verificationSchema>;

export const communityReviewSchema = z
  .strictObject({
    date: isoDate,
    participants: z.number().int().min(1, '参加人数至少1人'),
    representativesPresent: z.number().int().min(0),
    votesFor: z.number().int().min(0),
    votesAgainst: z.number().int().min(0),
    note: z.string().max(1000).default(''),
    attachments: z.array(attachmentSchema).max(20).default([]),
  })
  .refine((d) => d.representativesPresent <= d.participants, { message: '村（居）民代表人数不能多于参加人数', path: ['representativesPresent'] })
  .refine((d) => d.votesFor + d.votesAgainst <= d.participants, { message: '赞成票与反对票之和不能多于参加人数', path: ['votesFor'] });

export const objectionSchema = z.strictObject({
  content: text(2, 1000, '异议内容'),
  source: z.string().max(100).default(''),
});

export const complaintSchema = z.strictObject({
  content: text(2, 1000, '举报内容'),
  channel: z.enum(['hotline_12349', 'letter', 'visit', 'online', 'other']).default('other'),
});

/** Township review (乡镇审核) agreeing to the application; it opens the public notice. */
export const townshipReviewSchema = z.strictObject({
  note: z.string().max(1000).default(''),
});

export const hardshipTownshipReviewSchema = townshipReviewSchema.extend({
  supportMode: z.enum(['institutional', 'home_based'], { message: '供养方式应为 institutional 或 home_based' }),
  institutionId: z.number().int().positive().optional(),
  hasLegalSupporter: z.boolean(),
  supporterAble: z.boolean(),
  /** 五保 / 三无 / 孤儿 where the registry cannot tell (left out: derived at the decision). */
  origin: z.enum(['five_guarantees', 'three_nos', 'orphan'], { message: '特困人员类别应为 农村五保 / 城市三无 / 孤儿 之一' }).optional(),
});

export const selfCareSchema = z.strictObject({
  date: isoDate,
  assessor: text(1, 50, '评估人员'),
  items: z.strictObject({
    eating: z.boolean(),
    dressing: z.boolean(),
    bedTransfer: z.boolean(),
    toileting: z.boolean(),
    indoorWalking: z.boolean(),
    bathing: z.boolean(),
  }),
});

export const countyVisitSchema = homeVisitSchema;

export const approveSchema = z.strictObject({
  /** Household stability, which sets the review interval (复核周期). */
  stability: z.enum(['stable', 'unstable', 'chronic']).default('stable'),
  note: z.string().max(1000).default(''),
});

export const rejectSchema = z.strictObject({
  note: z.string().max(1000).default(''),
});

export const reviewStartSchema = z.strictObject({
  trigger: z.enum(['scheduled', 'change', 'complaint']).default('scheduled'),
  note: z.string().max(1000).default(''),
});

export const reviewDecideSchema = approveSchema;

export const gradualExitSchema = z.strictObject({
  months: z.number().int().min(1, '渐退期至少1个月'),
});

export const deathSchema = z.strictObject({
  memberIdNumber: idNumber,
  dateOfDeath: isoDate,
});

export type HomeVisit = z.output<typeof homeVisitSchema>;
export type CommunityReview = z.output<typeof communityReviewSchema>;
export type HardshipTownshipReview = z.output<typeof hardshipTownshipReviewSchema>;
export type SelfCareAssessment = z.output<typeof selfCareSchema>;
