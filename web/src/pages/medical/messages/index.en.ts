// The English messages: loaded only with the English dictionary (i18n/english.ts), not on the first screen.
import { claimsEn } from './claims.en.ts';
import { settlementsEn } from './settlements.en.ts';
import { subsidyEn } from './subsidy.en.ts';
import type { medicalZhCN } from './index.ts';

export const medicalEn: Record<keyof typeof medicalZhCN, string> = { 'menu.medical': 'Medical assistance', ...claimsEn, ...settlementsEn, ...subsidyEn };
