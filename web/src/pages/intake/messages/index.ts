// The intake part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { intakeCodesEn } from './codes.en.ts';
import { intakeCodesZhCN } from './codes.zh-CN.ts';
import { intakeUiEn } from './ui.en.ts';
import { intakeUiZhCN } from './ui.zh-CN.ts';

export const intakeZhCN = { ...intakeCodesZhCN, ...intakeUiZhCN };
export const intakeEn: Record<keyof typeof intakeZhCN, string> = { ...intakeCodesEn, ...intakeUiEn };
