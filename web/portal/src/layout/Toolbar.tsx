import { Button } from 'antd';
import { usePortalI18n } from '../i18n/context.ts';

/** The 大字 (large text) toggle and the language switch. */
export function Toolbar() {
  const { t, large, setLarge, locale, setLocale } = usePortalI18n();
  return (
    <>
      <Button ghost aria-pressed={large} onClick={() => setLarge(!large)} data-testid="portal-large">
        {large ? t('large.off') : t('large.on')}
      </Button>
      <Button ghost onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} lang={locale === 'en' ? 'zh-CN' : 'en'}>
        {t('lang.switch')}
      </Button>
    </>
  );
}
