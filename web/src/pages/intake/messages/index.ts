// The intake part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { intakeCodesZhCN } from './codes.zh-CN.ts';
import { intakeUiZhCN } from './ui.zh-CN.ts';

export const intakeZhCN = { ...intakeCodesZhCN, ...intakeUiZhCN };
