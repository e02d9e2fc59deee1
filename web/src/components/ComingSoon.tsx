import { Result } from 'antd';
import { useT } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

/** Shared placeholder for modules that are not built yet. */
export function ComingSoon({ module }: { module: MessageKey }) {
  const t = useT();
  return (
    <Result
      status="info"
      title={t('comingSoon.title')}
      subTitle={t('comingSoon.description', { module: t(module) })}
    />
  );
}
