import { Alert, Button, Card, Form, Input, Select, message } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { DEPARTMENTS, ROLES, type NewUser, type Role, type User } from '../../api/types.ts';
import { createUser } from '../../api/users.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';

const FORM_FIELDS: readonly string[] = ['username', 'displayName', 'password', 'role', 'areaCode', 'department'];

/** Roles a creator may hand out; the API has the last word. */
function grantableRoles(creator: Role): Role[] {
  if (creator === 'prefecture_admin') return [...ROLES];
  return ROLES.filter((r) => r !== 'prefecture_admin' && r !== 'auditor');
}

export function UserCreateForm({ creator, onCreated }: { creator: User; onCreated: () => void }) {
  const t = useT();
  const [form] = Form.useForm<NewUser>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const role = Form.useWatch('role', form);
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  const onFinish = async (values: NewUser) => {
    setBusy(true);
    setError(null);
    try {
      const user = await createUser(values);
      void toast.success(t('users.create.success', { name: user.displayName }));
      form.resetFields();
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        const onForm = err.fields.filter((f) => FORM_FIELDS.includes(f.field));
        form.setFields(onForm.map((f) => ({ name: f.field as keyof NewUser, errors: [f.message] })));
        const elsewhere = err.fields.filter((f) => !FORM_FIELDS.includes(f.field));
        setError(elsewhere.length ? elsewhere.map((f) => `${f.field}: ${f.message}`).join('; ') : null);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('users.create.title')} data-testid="user-create">
      {toastHolder}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<NewUser> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name="username" label={t('users.col.username')} rules={required(t('users.col.username'))}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.col.displayName')} rules={required(t('users.col.displayName'))}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('users.col.password')} rules={required(t('users.col.password'))}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('users.col.role')} rules={required(t('users.col.role'))}>
          <Select options={grantableRoles(creator.role).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('users.col.area')} rules={required(t('users.col.area'))}>
          <AreaTreeSelect root={{ code: creator.areaCode, name: creator.areaName, level: creator.areaLevel }} />
        </Form.Item>
        {role === 'partner' && (
          <Form.Item name="department" preserve={false} label={t('users.col.department')} rules={required(t('users.col.department'))}>
            <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(`dept.${d}`) }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('users.create.submit')}
        </Button>
      </Form>
    </Card>
  );
}
