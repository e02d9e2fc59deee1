// Requests of a record's later steps: entry, services, 寻亲, long-stay approval, 返乡, referral, other exits.
import { z } from 'zod';
import { countyCode, decimalInt, fen, isoDate } from '../../../kernel/types.ts';
import { HANDOVERS, LONG_STAY_KINDS, PLAIN_EXITS, SEARCH_METHODS, SERVICES, TRANSPORTS } from '../codes.ts';

const text = (min: number, max: number, what: string) => z.string().trim().min(min, min > 1 ? `请填写${what}（至少${min}个字）` : `请填写${what}`).max(max, `${what}不超过${max}字`);
const services = z.array(z.enum(SERVICES, { message: '服务应为 饮食、住宿、医疗 或 衣物' })).max(4, '服务至多4项');
/** When the stay passed the limit without a recorded approval: why (批准延长 or 转介 under way). */
const longStayReason = text(2, 500, '超期救助原因').optional();

export const entrySchema = z.strictObject({ enteredOn: isoDate, services: services.default([]) });
export const serviceSchema = z.strictObject({
  service: z.enum(SERVICES, { message: '服务应为 饮食、住宿、医疗 或 衣物' }),
  providedOn: isoDate,
  note: z.string().trim().max(200, '备注不超过200字').default(''),
});
export const searchSchema = z.strictObject({
  method: z.enum(SEARCH_METHODS, { message: '寻亲方式应为 指纹比对、DNA 比对、寻亲公告、公安核查 或 联系亲属' }),
  searchedOn: isoDate,
  result: text(2, 500, '寻亲结果'),
  found: z.boolean({ message: '是否找到亲属应为是或否' }),
});
export const longStaySchema = z.strictObject({
  kind: z.enum(LONG_STAY_KINDS, { message: '应为 批准延长救助 或 办理转介中' }),
  reason: text(2, 500, '延长救助的原因'),
  on: isoDate,
});
export const returnSchema = z.strictObject({
  returnedOn: isoDate,
  destination: text(2, 200, '返乡目的地'),
  transport: z.enum(TRANSPORTS, { message: '交通方式应为 火车、汽车、飞机、轮船、专车 或 其他' }),
  ticketFen: fen.max(10_000_000, '车船票费用过大'),
  escort: z.boolean({ message: '是否护送应为是或否' }),
  escortNames: z.array(text(1, 30, '护送人员姓名')).max(5, '护送人员至多5人').default([]),
  handedOverTo: z.enum(HANDOVERS, { message: '交接对象应为 亲属 或 当地民政部门' }),
  receiver: text(1, 100, '接收人（亲属姓名或接收单位）'),
  longStayReason,
});
export const referralSchema = z.strictObject({
  institutionCountyCode: countyCode,
  institutionId: decimalInt(1),
  referredOn: isoDate,
  receiver: text(1, 100, '接收人'),
  note: z.string().trim().max(500, '备注不超过500字').optional(),
  longStayReason,
});
export const exitSchema = z.strictObject({
  kind: z.enum(PLAIN_EXITS, { message: '离站方式应为 亲属接回、自行离站 或 死亡' }),
  exitedOn: isoDate,
  /** The family member who took the person (family_pickup). */
  receiver: text(1, 100, '接回的亲属').optional(),
  note: z.string().trim().max(500, '备注不超过500字').optional(),
  longStayReason,
});
