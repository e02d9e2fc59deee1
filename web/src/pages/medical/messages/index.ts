// The medical part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { claimsEn, claimsZhCN } from './claims.ts';
import { settlementsEn, settlementsZhCN } from './settlements.ts';
import { subsidyEn, subsidyZhCN } from './subsidy.ts';

export const medicalZhCN = { 'menu.medical': '医疗救助', ...claimsZhCN, ...settlementsZhCN, ...subsidyZhCN } as const;
export const medicalEn: Record<keyof typeof medicalZhCN, string> = { 'menu.medical': 'Medical assistance', ...claimsEn, ...settlementsEn, ...subsidyEn };
