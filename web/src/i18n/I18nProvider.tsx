import { ConfigProvider } from 'antd';
import { ACCESSIBLE_THEME } from '../theme/accessible.ts';
import { useReducedMotion, withMotion } from '../theme/motion.ts';
// The ES modules: through 'antd/locale/…' (CommonJS) the bundle got the module object, not the locale, and
// antd fell back to English (Popconfirm "Cancel / OK", pagers "20 / page").
import zh_CN from 'antd/es/locale/zh_CN';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue, type Locale, type TranslateVars } from './context.ts';
import type { English } from './english.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

const STORAGE_KEY = 'jiuzhu.locale';

let englishLoad: Promise<English> | undefined;
const loadEnglish = () => (englishLoad ??= import('./english.ts').then((m) => m.english));

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
  const [english, setEnglish] = useState<English | null>(null);
  // The last choice wins when English arrives after the user went back to Chinese.
  const chosen = useRef(locale);

  const setLocale = useCallback((next: Locale) => {
    chosen.current = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    if (next === 'zh-CN') return setLocaleState(next);
    // Switched only once the dictionary is here: the page never shows keys meanwhile.
    void loadEnglish().then((e) => {
      setEnglish(e);
      if (chosen.current === 'en') setLocaleState('en');
    });
  }, []);

  useEffect(() => {
    if (locale === 'en' && !english) void loadEnglish().then(setEnglish);
  }, [locale, english]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => withMotion(ACCESSIBLE_THEME, reducedMotion), [reducedMotion]);

  const value = useMemo<I18nValue>(() => {
    const dict = locale === 'en' && english ? english.messages : zhCN;
    return { locale, setLocale, t: (key: MessageKey, vars?: TranslateVars) => interpolate(dict[key], vars) };
  }, [locale, english, setLocale]);

  // English stored from an earlier visit: nothing is drawn for the moment its dictionary takes to load.
  if (locale === 'en' && !english) return null;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' && english ? english.antd : zh_CN} theme={theme} button={{ autoInsertSpace: false }}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}
