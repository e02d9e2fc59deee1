// The registry's part of the app dictionaries (spread into web/src/i18n/{zh-CN,en}.ts).
import { registryCodesZhCN } from './codes.ts';
import { registryUiZhCN } from './ui.zh-CN.ts';

export const registryZhCN = { ...registryCodesZhCN, ...registryUiZhCN };
