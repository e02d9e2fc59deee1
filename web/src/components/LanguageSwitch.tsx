import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useT } from '../i18n/context.ts';

/** Toggles 中文 / English; its label names the language it switches to. */
export function LanguageSwitch() {
  const [locale, setLocale] = useLocale();
  const t = useT();
  return (
    <Button
      data-testid="lang-switch"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </Button>
  );
}
