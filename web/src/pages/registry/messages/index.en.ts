// The English messages: loaded only with the English dictionary (i18n/english.ts), not on the first screen.
import { registryCodesEn } from './codes.en.ts';
import { registryUiEn } from './ui.en.ts';
import type { registryZhCN } from './index.ts';

export const registryEn: Record<keyof typeof registryZhCN, string> = { ...registryCodesEn, ...registryUiEn };
