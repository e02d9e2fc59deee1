// Requests and responses of the register of village 社会救助协理员.
import { z } from 'zod';
import { areaCode, countyCode, decimalInt, isoDate, validIdNumber } from '../../../kernel/types.ts';
import { FUNDINGS } from '../codes.ts';
import { phone, text } from './common.ts';

const funding = z.enum(FUNDINGS, { message: '经费来源应为 政府购买服务 或 村（社区）自聘' });

export const newAssistantSchema = z.strictObject({
  name: text(50, '姓名'),
  idNumber: validIdNumber,
  phone: phone.optional(),
  villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）'),
  employedFrom: isoDate,
  employedTo: isoDate.optional(),
  funding,
  /** The purchase contract paying the assistant (funding `contract`). */
  contractId: decimalInt(1).optional(),
  /** The assistant's own account: a user of role village_clerk of the same village. */
  userId: decimalInt(1).optional(),
});
export const assistantQuery = z.strictObject({ county: countyCode.optional(), area: areaCode.optional(), inPostOn: isoDate.optional() });

export const assistantItem = z.object({
  id: z.number(), countyCode: z.string(), villageCode: z.string(), villageName: z.string(),
  name: z.string(),
  /** Masked unless the caller manages the register. */
  idNumber: z.string(), phone: z.string().nullable(),
  employedFrom: z.string(), employedTo: z.string().nullable(), inPost: z.boolean(),
  funding, fundingLabel: z.string(), contractId: z.number().nullable(), contractNo: z.string().nullable(),
  userId: z.number().nullable(), username: z.string().nullable(),
  /** Tasks assigned to the assistant and still open. */
  openTasks: z.number(),
});
export const assistantList = z.object({ items: z.array(assistantItem) });
