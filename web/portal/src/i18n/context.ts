import { createContext, useContext } from 'react';
import type { MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export interface PortalI18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  large: boolean;
  setLarge: (large: boolean) => void;
}

export const I18nContext = createContext<PortalI18n | null>(null);

export function usePortalI18n(): PortalI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('PortalI18nProvider is missing');
  return value;
}

export function useT(): Translate {
  return usePortalI18n().t;
}
