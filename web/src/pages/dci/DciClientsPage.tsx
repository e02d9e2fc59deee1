import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Modal, Typography, message } from 'antd';
import { useState } from 'react';
import type { ClientView, RegisteredClient } from '../../../../src/modules/dci/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useDciT } from './i18n.ts';
import { listClients, revokeClient } from './api.ts';
import { ClientDrawer } from './ClientDrawer.tsx';
import { ClientTable } from './ClientTable.tsx';
import { RegisterDrawer } from './RegisterDrawer.tsx';
import { SecretModal } from './SecretModal.tsx';

/**
 * 对外接口: the systems of other departments connected to the registry (SPDCI clients) in the administrator's
 * scope — their grants and use; registering one (its secret shown once) and revoking one.
 */
export default function DciClientsPage() {
  const t = useDciT();
  const me = useCurrentUser();
  const list = useApiData(listClients, [me.id]);
  const canManage = can(me, 'dci.manage');
  const [shown, setShown] = useState<ClientView | null>(null);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<RegisteredClient | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const [toast, toastHolder] = message.useMessage();

  const confirmRevoke = (c: ClientView) => {
    void modal.confirm({
      title: t('dci.revoke.title', { name: c.name }),
      icon: <ExclamationCircleFilled style={{ color: '#cf1322' }} />,
      content: t('dci.revoke.effect'),
      okText: t('dci.revoke.ok'),
      okButtonProps: { danger: true },
      cancelText: t('dci.revoke.cancel'),
      onOk: async () => {
        try {
          await revokeClient(c.clientId);
          void toast.success(t('dci.revoke.done', { name: c.name }));
          setShown(null);
          list.reload();
        } catch (err) {
          void toast.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };

  return (
    <>
      {modalHolder}
      {toastHolder}
      <Card title={t('dci.title')} extra={canManage && <Button type="primary" onClick={() => setRegistering(true)} data-testid="dci-register">{t('dci.register')}</Button>}>
        <Typography.Paragraph type="secondary">{t('dci.intro')}</Typography.Paragraph>
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} style={{ marginBottom: 16 }} />}
        <ClientTable clients={list.data?.items ?? []} loading={list.loading} canManage={canManage} onOpen={setShown} onRevoke={confirmRevoke} />
      </Card>
      <ClientDrawer client={shown} onClose={() => setShown(null)} />
      {canManage && (
        <RegisterDrawer
          open={registering}
          root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }}
          onClose={() => setRegistering(false)}
          onRegistered={(r) => {
            setRegistering(false);
            setRegistered(r);
            list.reload();
          }}
        />
      )}
      <SecretModal registered={registered} onClose={() => setRegistered(null)} />
    </>
  );
}
