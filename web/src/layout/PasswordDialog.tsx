import { Alert, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { changePassword } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/context.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FORM_FIELDS: readonly string[] = ['currentPassword', 'newPassword'];

/**
 * The "change password" dialog (loaded on the first click of the header's button, PasswordChange.tsx, and kept
 * mounted after, for its success message); the API ends the other sessions and renews this one.
 */
export default function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const [toast, toastHolder] = message.useMessage();

  const close = () => {
    onClose();
    setError(null);
    form.resetFields();
  };

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void toast.success(t('password.success'));
      close();
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => FORM_FIELDS.includes(f.field))) {
        form.setFields(err.fields.filter((f) => FORM_FIELDS.includes(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      {toastHolder}
      <Modal open={open} title={t('password.title')} onCancel={close} onOk={() => form.submit()} okText={t('password.submit')} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[required(t('password.current'))]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rules')} rules={[required(t('password.new'))]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              required(t('password.confirm')),
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
