// The medical part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { claimsZhCN } from './claims.ts';
import { settlementsZhCN } from './settlements.ts';
import { subsidyZhCN } from './subsidy.ts';

export const medicalZhCN = { 'menu.medical': '医疗救助', ...claimsZhCN, ...settlementsZhCN, ...subsidyZhCN } as const;
