// The English messages: loaded only with the English dictionary (i18n/english.ts), not on the first screen.
import { caseloadEn } from './caseload.en.ts';
import { casesCodesEn } from './codes.en.ts';
import { casesConfirmEn } from './confirm.en.ts';
import { casesUiEn } from './ui.en.ts';
import type { casesZhCN } from './index.ts';

export const casesEn: Record<keyof typeof casesZhCN, string> = { ...casesCodesEn, ...casesUiEn, ...caseloadEn, ...casesConfirmEn };
