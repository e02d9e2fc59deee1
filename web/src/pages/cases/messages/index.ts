// The cases' part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { caseloadEn, caseloadZhCN } from './caseload.ts';
import { casesCodesEn } from './codes.en.ts';
import { casesConfirmEn, casesConfirmZhCN } from './confirm.ts';
import { casesCodesZhCN } from './codes.zh-CN.ts';
import { casesUiEn } from './ui.en.ts';
import { casesUiZhCN } from './ui.zh-CN.ts';

export const casesZhCN = { ...casesCodesZhCN, ...casesUiZhCN, ...caseloadZhCN, ...casesConfirmZhCN };
export const casesEn: Record<keyof typeof casesZhCN, string> = { ...casesCodesEn, ...casesUiEn, ...caseloadEn, ...casesConfirmEn };
