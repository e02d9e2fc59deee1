import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Loaded } from '../api/useLoad.ts';
import { useT } from '../i18n/context.ts';

/** A page's data: a spinner while loading, the error with a retry, else the page. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (loaded.error) {
    return <Alert type="error" showIcon message={t('common.error', { message: loaded.error.message })} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />;
  }
  if (loaded.data === undefined) return <Spin style={{ display: 'block', margin: '48px auto' }} aria-label={t('common.loading')} />;
  return <>{children(loaded.data)}</>;
}
