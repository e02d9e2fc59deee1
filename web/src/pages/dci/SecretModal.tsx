import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Modal, Space, message } from 'antd';
import { useRef } from 'react';
import type { InputRef } from 'antd';
import type { RegisteredClient } from '../../../../src/modules/dci/contract.ts';
import { useDciT } from './i18n.ts';

/** The secret of a system just registered: shown this once, with a copy button and a warning; closed only on purpose. */
export function SecretModal({ registered, onClose }: { registered: RegisteredClient | null; onClose: () => void }) {
  const t = useDciT();
  const [toast, toastHolder] = message.useMessage();
  const input = useRef<InputRef>(null);

  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      void toast.success(t('dci.secret.copied'));
    } catch {
      // No clipboard outside a secure context (plain http on the LAN): the secret selected, for Ctrl+C.
      input.current?.select();
      void toast.warning(t('dci.secret.copyFailed'));
    }
  };

  return (
    <Modal
      open={registered !== null}
      title={registered ? t('dci.secret.title', { name: registered.client.name }) : ''}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={<Button type="primary" onClick={onClose} data-testid="dci-secret-close">{t('dci.secret.close')}</Button>}
    >
      {toastHolder}
      {registered && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('dci.secret.warning')} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('dci.secret.clientId')}><span data-code>{registered.client.clientId}</span></Descriptions.Item>
          </Descriptions>
          <Space.Compact style={{ width: '100%' }}>
            <Input ref={input} readOnly value={registered.secret} aria-label={t('dci.secret.secret')} data-testid="dci-secret" style={{ fontFamily: 'monospace' }} />
            <Button icon={<CopyOutlined />} onClick={() => void copy(registered.secret)}>{t('dci.secret.copy')}</Button>
          </Space.Compact>
        </Space>
      )}
    </Modal>
  );
}
