import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DISASTER_KINDS, RESPONSE_LEVELS, type DisasterKind, type EventCreated, type ResponseLevel } from '../../../../src/modules/disaster/contract.ts';
import { fetchTree } from '../../api/areas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { AreaNode } from '../../api/types.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { DateInput } from '../../components/DateInput.tsx';

interface EventForm {
  kind: DisasterKind; name: string; startedOn: string; endedOn?: string; responseLevel?: ResponseLevel; areas: string[]; note?: string;
}

interface TreeNode { value: string; title: string; children: TreeNode[] }
const toTree = (n: AreaNode): TreeNode => ({ value: n.code, title: n.name, children: n.children.map(toTree) });

/** 记录灾害事件: kind, dates, response level and the county's townships and villages it hit. */
export function NewEvent({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<EventForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tree = useApiData(() => fetchTree(2, me.areaCode), [me.areaCode]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const e = await api<EventCreated>('/disaster/events', { method: 'POST', body: {
        kind: v.kind, name: v.name.trim(), startedOn: v.startedOn, ...(v.endedOn ? { endedOn: v.endedOn } : {}), ...(v.responseLevel ? { responseLevel: v.responseLevel } : {}), areas: v.areas, note: v.note ?? '',
      } });
      navigate(`/disaster/${e.eventNo}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = (err.details?.fields ?? []) as { field: string; message: string }[];
        form.setFields(fields.map((f) => ({ name: f.field.startsWith('areas.') ? 'areas' : (f.field as keyof EventForm), errors: [f.message] })));
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={t('disaster.events.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('disaster.form.submit')} width={640} okButtonProps={{ 'data-testid': 'event-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="event-error" />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'flood', areas: [] }}>
        <Form.Item name="kind" label={t('disaster.form.kind')} rules={required(t('disaster.form.kind'))}>
          <Select options={DISASTER_KINDS.map((k) => ({ value: k, label: t(`disaster.kind.${k}`) }))} data-testid="event-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('disaster.form.name')} rules={required(t('disaster.form.name'))}><Input maxLength={100} data-testid="event-name" /></Form.Item>
        <Form.Item name="startedOn" label={t('disaster.form.startedOn')} rules={required(t('disaster.form.startedOn'))}><DateInput data-testid="event-startedOn" /></Form.Item>
        <Form.Item name="endedOn" label={t('disaster.form.endedOn')}><DateInput data-testid="event-endedOn" /></Form.Item>
        <Form.Item name="responseLevel" label={t('disaster.form.level')}>
          <Select allowClear options={RESPONSE_LEVELS.map((l) => ({ value: l, label: t(`disaster.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="areas" label={t('disaster.form.areas')} rules={required(t('disaster.form.areas'))}>
          <TreeSelect multiple showSearch treeNodeFilterProp="title" loading={tree.loading} treeData={tree.data ? toTree(tree.data).children : []} data-testid="event-areas" />
        </Form.Item>
        <Form.Item name="note" label={t('disaster.form.note')}><Input.TextArea maxLength={1000} rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
