import { Alert, Button, Checkbox, Drawer, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ATTRIBUTES, MASKED, type Attribute, type RegisteredClient } from '../../../../src/modules/dci/contract.ts';
import { ApiError } from '../../api/client.ts';
import type { SelectedArea } from '../../area/context.ts';
import { useDciT } from './i18n.ts';
import { registerClient } from './api.ts';
import { AreaMultiSelect } from './AreaMultiSelect.tsx';

interface Values {
  name: string;
  clientId: string;
  areaCodes: string[];
  attributes: Attribute[];
  unmasked?: Attribute[];
  callbackUrls?: string;
  publicKeys?: string;
}

const FIELDS: readonly string[] = ['name', 'clientId', 'areaCodes', 'attributes', 'unmasked', 'callbackUrls', 'publicKeys'];
/** Attributes that show masked unless granted: the only ones an unmasked grant changes. */
const MASKABLE = ATTRIBUTES.filter((a) => MASKED.has(a));

/** The register form, in a drawer: what the CLI's `dci client add` asks, with the areas picked from the tree. */
export function RegisterDrawer({ open, root, onClose, onRegistered }: { open: boolean; root: SelectedArea; onClose: () => void; onRegistered: (r: RegisteredClient) => void }) {
  const t = useDciT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attributes = Form.useWatch('attributes', form) ?? [];
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const callbackUrls = (v.callbackUrls ?? '').split(/\s+/).filter((u) => u !== '');
      const publicKeys = v.publicKeys?.trim();
      const registered = await registerClient({
        name: v.name, clientId: v.clientId.trim(), areaCodes: v.areaCodes, attributes: v.attributes,
        unmasked: (v.unmasked ?? []).filter((a) => v.attributes.includes(a)), callbackUrls, ...(publicKeys ? { publicKeys } : {}),
      });
      form.resetFields();
      onRegistered(registered);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        // `callbackUrls.0`, `publicKeys.keys.0`: shown at the field they belong to.
        const top = (f: string) => f.split('.')[0] ?? f;
        const onForm = err.fields.filter((f) => FIELDS.includes(top(f.field)));
        form.setFields(onForm.map((f) => ({ name: top(f.field) as keyof Values, errors: [f.message] })));
        setError(onForm.length === err.fields.length ? null : err.message);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={640}
      title={t('dci.form.title')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('dci.form.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="dci-register-submit">{t('dci.form.submit')}</Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ attributes: [], unmasked: [] }}>
        <Form.Item name="name" label={t('dci.form.name')} rules={required(t('dci.form.name'))}>
          <Input placeholder={t('dci.form.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="clientId" label={t('dci.form.clientId')} extra={t('dci.form.clientIdHelp')} rules={required(t('dci.form.clientId'))}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="areaCodes" label={t('dci.form.areas')} extra={t('dci.form.areasHelp')} rules={required(t('dci.form.areas'))}>
          <AreaMultiSelect root={root} />
        </Form.Item>
        <Form.Item name="attributes" label={t('dci.form.attributes')} rules={required(t('dci.form.attributes'))}>
          <Checkbox.Group options={ATTRIBUTES.map((a) => ({ value: a, label: t(`dci.attr.${a}`) }))} />
        </Form.Item>
        <Form.Item name="unmasked" label={t('dci.form.unmasked')} extra={t('dci.form.unmaskedHelp')}>
          <Checkbox.Group options={MASKABLE.map((a) => ({ value: a, label: t(`dci.attr.${a}`), disabled: !attributes.includes(a) }))} />
        </Form.Item>
        <Form.Item name="callbackUrls" label={t('dci.form.callbacks')} extra={t('dci.form.callbacksHelp')}>
          {/* URLs and keys are codes by nature (data-code: not read as text staff should see in Chinese). */}
          <Input.TextArea rows={3} autoComplete="off" spellCheck={false} data-code />
        </Form.Item>
        <Form.Item name="publicKeys" label={t('dci.form.publicKey')} extra={t('dci.form.publicKeyHelp')}>
          <Input.TextArea rows={6} spellCheck={false} style={{ fontFamily: 'monospace' }} data-code />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
