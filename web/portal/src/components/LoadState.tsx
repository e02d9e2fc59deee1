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
  // The name on a status region: on the spinner's own div (no role) an aria-label is not allowed (axe: aria-prohibited-attr).
  if (loaded.data === undefined) return <div role="status" aria-label={t('common.loading')} style={{ margin: '48px auto', textAlign: 'center' }}><Spin /></div>;
  return <>{children(loaded.data)}</>;
}
