// Request and response shapes of the institution register (供养服务机构): what the web's pages send and read.
import { z } from 'zod';
import { areaCode, countyCode, creditCode, decimalInt, fen, isoDate } from '../../../kernel/types.ts';
import { FUNDING_SOURCES, INSTITUTION_KINDS, INSTITUTION_STATUSES, LEGAL_PERSON_STATUSES, PROJECT_STATUSES } from '../codes.ts';

const count = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负`).max(100_000, `${what}不超过100000`);
const kind = z.enum(INSTITUTION_KINDS, { message: '机构类型应为 敬老院、社会福利院、儿童福利院、光荣院、救助管理站、未成年人救助保护中心、精神卫生福利机构 之一' });

export const institutionIdParam = z.strictObject({ id: decimalInt(1) });
export const projectParam = z.strictObject({ id: decimalInt(1), projectId: decimalInt(1) });

/** The fields a county records about an institution (create takes them all, update any of them). */
const fields = {
  name: z.string().trim().min(2, '请填写机构名称').max(60, '机构名称不超过60字'),
  kind,
  address: z.string().trim().max(200, '地址不超过200字'),
  /** The township or village of the county where it stands. */
  areaCode: areaCode.refine((v) => v.length > 6, '所在地应为乡镇（街道）或村（社区）').nullable(),
  creditCode: creditCode.nullable(),
  legalPersonStatus: z.enum(LEGAL_PERSON_STATUSES, { message: '事业单位法人登记状态应为 registered 或 not_registered' }),
  legalPersonRegisteredOn: isoDate.nullable(),
  posts: count('编制数'),
  staffManagement: count('管理人员数'),
  staffCare: count('护理人员数'),
  staffMedical: count('医护人员数'),
  beds: count('床位数'),
  careBeds: count('护理型床位数'),
  bedsSelfCare: count('自理床位数'),
  bedsPartial: count('半失能床位数'),
  bedsFull: count('失能床位数'),
  openedOn: isoDate.nullable(),
  status: z.enum(INSTITUTION_STATUSES, { message: '机构状态应为 open 或 closed' }),
  closedOn: isoDate.nullable(),
};

export const newInstitutionSchema = z.strictObject({
  countyCode,
  name: fields.name,
  beds: fields.beds,
  kind: kind.default('nursing_home'),
  address: fields.address.default(''),
  areaCode: fields.areaCode.default(null),
  creditCode: fields.creditCode.default(null),
  legalPersonStatus: fields.legalPersonStatus.default('not_registered'),
  legalPersonRegisteredOn: fields.legalPersonRegisteredOn.default(null),
  posts: fields.posts.default(0),
  staffManagement: fields.staffManagement.default(0),
  staffCare: fields.staffCare.default(0),
  staffMedical: fields.staffMedical.default(0),
  careBeds: fields.careBeds.default(0),
  bedsSelfCare: fields.bedsSelfCare.default(0),
  bedsPartial: fields.bedsPartial.default(0),
  bedsFull: fields.bedsFull.default(0),
  openedOn: fields.openedOn.default(null),
});

export const updateInstitutionSchema = z.strictObject({
  /** The version read: a change made meanwhile by someone else is refused (409 institution_changed). */
  version: z.number().int().min(1),
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> },
});

export const listQuery = z.strictObject({
  county: countyCode.optional(),
  kind: kind.optional(),
  status: z.enum(INSTITUTION_STATUSES, { message: '机构状态应为 open 或 closed' }).optional(),
});

export const newRatingSchema = z.strictObject({
  year: z.number().int().min(2000, '年度应不早于2000').max(2100, '年度应不晚于2100'),
  stars: z.number().int('星级应为1—5的整数').min(1, '星级应为1—5').max(5, '星级应为1—5'),
  assessedOn: isoDate,
  assessor: z.string().trim().min(1, '请填写评定机构').max(100, '评定机构不超过100字'),
  /** Out of 100, at most two decimals. */
  score: z.number().min(0, '评分应为0—100').max(100, '评分应为0—100').refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '评分至多两位小数').nullable().default(null),
  note: z.string().trim().max(1000, '备注不超过1000字').default(''),
});

const projectFields = {
  name: z.string().trim().min(1, '请填写项目名称').max(100, '项目名称不超过100字'),
  fundingSource: z.enum(FUNDING_SOURCES, { message: '资金来源应为 central_lottery、provincial 或 local' }),
  amountFen: fen.max(1e13, '金额过大'),
  status: z.enum(PROJECT_STATUSES, { message: '项目状态应为 planned、building 或 completed' }),
  year: z.number().int().min(2000, '年度应不早于2000').max(2100, '年度应不晚于2100'),
  startedOn: isoDate.nullable(),
  completedOn: isoDate.nullable(),
};
export const newProjectSchema = z.strictObject({ ...projectFields, startedOn: projectFields.startedOn.default(null), completedOn: projectFields.completedOn.default(null) });
export const updateProjectSchema = z.strictObject({
  version: z.number().int().min(1),
  ...Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]> },
});

export const institutionItem = z.object({
  id: z.number(),
  countyCode: z.string(),
  countyName: z.string(),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  kindLabel: z.string(),
  beds: z.number(),
  careBeds: z.number(),
  status: z.enum(INSTITUTION_STATUSES),
  legalPersonStatus: z.enum(LEGAL_PERSON_STATUSES),
  areaName: z.string().nullable(),
  /** The latest star rating (any year), if any. */
  latestStars: z.number().nullable(),
  demo: z.boolean(),
});
export const institutionList = z.object({ items: z.array(institutionItem) });

export const ratingView = z.object({ year: z.number(), stars: z.number(), assessedOn: z.string(), assessor: z.string(), score: z.number().nullable(), note: z.string(), createdBy: z.string() });
export const projectView = z.object({
  id: z.number(), name: z.string(), fundingSource: z.enum(FUNDING_SOURCES), fundingLabel: z.string(), amountFen: z.number(),
  status: z.enum(PROJECT_STATUSES), statusLabel: z.string(), year: z.number(), startedOn: z.string().nullable(), completedOn: z.string().nullable(), version: z.number(),
});

export const institutionDetail = institutionItem.extend({
  address: z.string(),
  areaCode: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalPersonRegisteredOn: z.string().nullable(),
  posts: z.number(),
  staff: z.object({ management: z.number(), care: z.number(), medical: z.number(), total: z.number() }),
  /** 床位: total, 护理型, by self-care level and those not assigned a level. */
  bedSummary: z.object({ total: z.number(), care: z.number(), selfCare: z.number(), partial: z.number(), full: z.number(), unassigned: z.number() }),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number(),
  ratings: z.array(ratingView),
  projects: z.array(projectView),
  /** Whether the caller may change it (its county's approver). */
  mayManage: z.boolean(),
});
