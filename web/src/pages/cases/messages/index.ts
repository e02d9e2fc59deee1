// The cases' part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { caseloadZhCN } from './caseload.ts';
import { casesConfirmZhCN } from './confirm.ts';
import { casesCodesZhCN } from './codes.zh-CN.ts';
import { casesUiZhCN } from './ui.zh-CN.ts';

export const casesZhCN = { ...casesCodesZhCN, ...casesUiZhCN, ...caseloadZhCN, ...casesConfirmZhCN };
