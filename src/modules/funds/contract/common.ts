// Shared pieces of the funds module's requests.
import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';
import { isProgramme } from '../../../programmes/registry.ts';
import { FUND_SOURCES } from '../codes.ts';

export const text = (max: number, what: string) => z.string().trim().min(2, `请填写${what}（至少2个字）`).max(max, `${what}不超过${max}字`);
export const programme = z.string().refine(isProgramme, '救助项目不存在');
export const source = z.enum(FUND_SOURCES, { message: '资金来源应为 中央、省级、州级 或 县级' });
export const year = decimalInt(2000, 2100);
export const document = text(200, '文件文号');
/** Optional named fund within a source (中央彩票公益金). */
export const earmark = z.string().trim().max(50, '专项名称不超过50字').optional();
/** An amount in fen, more than zero. */
export const amountFen = z.number().int('金额应为整数（分）').min(1, '金额应大于0').max(1e15, '金额过大');
