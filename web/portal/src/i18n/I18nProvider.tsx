import { ACCESSIBLE_THEME } from '../../../src/theme/accessible.ts';
import { useReducedMotion, withMotion } from '../../../src/theme/motion.ts';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zh_CN from 'antd/es/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type Locale, type PortalI18n, type TranslateVars } from './context.ts';
import { en } from './en.ts';
import { zhCN, type MessageKey, type Messages } from './zh-CN.ts';

const LOCALE_KEY = 'jiuzhu.portal.locale';
const LARGE_KEY = 'jiuzhu.portal.large';
const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

const interpolate = (text: string, vars?: TranslateVars) =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;

/** Language and the 大字 (large text) mode, both kept in localStorage. */
export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (stored(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'));
  const [large, setLargeState] = useState(() => stored(LARGE_KEY) === '1');

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    store(LOCALE_KEY, next);
  }, []);
  const setLarge = useCallback((next: boolean) => {
    setLargeState(next);
    store(LARGE_KEY, next ? '1' : '0');
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    document.documentElement.classList.toggle('portal-large', large);
  }, [large]);

  const value = useMemo<PortalI18n>(() => {
    const dict = dictionaries[locale];
    return { locale, setLocale, large, setLarge, t: (key: MessageKey, vars?: TranslateVars) => interpolate(dict[key], vars) };
  }, [locale, setLocale, large, setLarge]);

  // The staff UI's contrast tokens (WCAG AA), with touch targets of at least 44 px and larger type in 大字 mode.
  // Field errors in antd's red (#ff4d4f) are 3.3:1 on white: a darker red (#cf1322, 5.9:1).
  const reducedMotion = useReducedMotion();
  const theme = withMotion({
    ...ACCESSIBLE_THEME,
    token: { ...ACCESSIBLE_THEME.token, colorInfo: '#0958d9', colorError: '#cf1322', fontSize: large ? 20 : 16, controlHeight: large ? 52 : 44, controlHeightSM: large ? 44 : 36, controlHeightLG: large ? 56 : 48 },
  }, reducedMotion);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zh_CN} theme={theme} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
