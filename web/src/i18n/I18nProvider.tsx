import { ConfigProvider } from 'antd';
import { ACCESSIBLE_THEME } from '../theme/accessible.ts';
// The ES modules: through 'antd/locale/…' (CommonJS) the bundle got the module object, not the locale, and
// antd fell back to English (Popconfirm "Cancel / OK", pagers "20 / page").
import enUS from 'antd/es/locale/en_US';
import zh_CN from 'antd/es/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue, type Locale, type TranslateVars } from './context.ts';
import { en } from './en.ts';
import { zhCN, type MessageKey, type Messages } from './zh-CN.ts';

const STORAGE_KEY = 'jiuzhu.locale';
const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function interpolate(text: string, vars?: TranslateVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const dict = dictionaries[locale];
    return { locale, setLocale, t: (key: MessageKey, vars?: TranslateVars) => interpolate(dict[key], vars) };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zh_CN} theme={ACCESSIBLE_THEME} button={{ autoInsertSpace: false }}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}
