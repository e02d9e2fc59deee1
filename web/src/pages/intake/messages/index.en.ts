// The English messages: loaded only with the English dictionary (i18n/english.ts), not on the first screen.
import { intakeCodesEn } from './codes.en.ts';
import { intakeUiEn } from './ui.en.ts';
import type { intakeZhCN } from './index.ts';

export const intakeEn: Record<keyof typeof intakeZhCN, string> = { ...intakeCodesEn, ...intakeUiEn };
