import { KeyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/context.ts';

// The dialog (antd Modal and Form) is not part of the first screen: it loads on the first click.
const PasswordDialog = lazy(() => import('./PasswordDialog.tsx'));

/** The header's "change password" button and its dialog. */
export function PasswordChange() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button data-testid="change-password" icon={<KeyOutlined />} onClick={() => { setOpened(true); setOpen(true); }}>
        {t('header.password')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <PasswordDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
