import { useCallback } from 'react';
import { useLocale, useT, type TranslateVars } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { dciEn } from './messages/index.en.ts';
import { dciZhCN } from './messages/index.ts';

export type DciKey = keyof typeof dciZhCN;
export type DciTranslate = (key: DciKey | MessageKey, vars?: TranslateVars) => string;

const isDciKey = (key: string): key is DciKey => key in dciZhCN;

/** The page's words (`dci.*`) from its own dictionaries, the app's (`common.*`) from the app's. */
export function useDciT(): DciTranslate {
  const t = useT();
  const [locale] = useLocale();
  return useCallback(
    (key, vars) => {
      if (!isDciKey(key)) return t(key, vars);
      const text: string = (locale === 'en' ? dciEn : dciZhCN)[key];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    [t, locale],
  );
}
