// The registry's part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { registryCodesEn, registryCodesZhCN } from './codes.ts';
import { registryUiEn } from './ui.en.ts';
import { registryUiZhCN } from './ui.zh-CN.ts';

export const registryZhCN = { ...registryCodesZhCN, ...registryUiZhCN };
export const registryEn: Record<keyof typeof registryZhCN, string> = { ...registryCodesEn, ...registryUiEn };
