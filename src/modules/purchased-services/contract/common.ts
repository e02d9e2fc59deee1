// Shared pieces of the purchased-services module's requests.
import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';

export const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`);
export const phone = z.string().trim().regex(/^[0-9-]{7,20}$/, '联系电话应为7至20位数字');
export const idParam = z.strictObject({ id: decimalInt(1) });
export const bool = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');
