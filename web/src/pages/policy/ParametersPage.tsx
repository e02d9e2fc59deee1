import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { canManagePolicy } from './access.ts';
import { addParameterValue, fetchParameters, type Parameter, type ParameterValue } from './api.ts';
import { ruleSetLabel, storedValueLabel, unitLabel, valueAreaLabel } from './format.ts';
import { PolicyNav } from './PolicyNav.tsx';
import { nonNegative } from '../../forms/rules.ts';

function ValuesTable({ parameter }: { parameter: Parameter }) {
  const t = useT();
  return (
    <Table<ParameterValue>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...parameter.values].sort((a, b) => a.area.localeCompare(b.area) || b.effective.localeCompare(a.effective))}
      columns={[
        { title: t('policy.col.area'), dataIndex: 'area', width: 110, render: (_: string, row) => valueAreaLabel(t, row) },
        { title: t('policy.col.ruleSet'), dataIndex: 'ruleSet', width: 90, render: (r: string | null) => ruleSetLabel(t, r) },
        { title: t('policy.col.effective'), dataIndex: 'effective', width: 110 },
        {
          title: t('policy.col.value'), dataIndex: 'value', width: 160,
          render: (v: unknown, row) => (
            <Space size={4} wrap>
              {storedValueLabel(t, v, parameter.unit)}
              {row.current && <Tag color="green">{t('policy.value.current')}</Tag>}
              {row.used && <Tooltip title={t('policy.value.usedAt', { at: row.usedAt ?? '' })}><Tag color="orange">{t('policy.col.used')}</Tag></Tooltip>}
            </Space>
          ),
        },
        { title: t('policy.col.reference'), dataIndex: 'valueReference', render: (r: string | null) => <Typography.Text type="secondary">{r ?? parameter.reference}</Typography.Text> },
        { title: t('policy.col.origin'), dataIndex: 'origin', width: 100, render: (o: 'file' | 'api') => (o === 'file' ? t('policy.origin.file') : t('policy.origin.api')) },
      ]}
    />
  );
}

interface ValueForm { area: string; ruleSet: string; effective: string; number?: number; bool?: boolean; text?: string; reference: string }

function AddValueModal({ parameter, onClose, onSaved }: { parameter: Parameter; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [form] = Form.useForm<ValueForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unit = parameter.unit;
  const kind = unit === 'bool' ? 'bool' : unit === 'list' ? 'list' : ['code', 'date', 'fraction'].includes(unit) ? 'text' : 'number';
  const submit = async (v: ValueForm) => {
    setSaving(true);
    setError(null);
    try {
      const value = kind === 'bool' ? Boolean(v.bool) : kind === 'list' ? (v.text ?? '').split('\n').map((x) => x.trim()).filter(Boolean) : kind === 'text' ? v.text : v.number;
      await addParameterValue(parameter.name, { area: v.area, ruleSet: v.ruleSet === '' ? null : v.ruleSet, effective: v.effective, value, reference: v.reference });
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) {
        const names: Record<string, keyof ValueForm> = { area: 'area', effective: 'effective', reference: 'reference', value: kind === 'bool' ? 'bool' : kind === 'number' ? 'number' : 'text' };
        form.setFields(e.fields.flatMap((f) => (names[f.field] ? [{ name: names[f.field] as keyof ValueForm, errors: [f.message] }] : [])));
      }
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('policy.add.title', { name: parameter.description })} onCancel={onClose} onOk={() => form.submit()} okText={t('policy.add.submit')} confirmLoading={saving} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('policy.add.hint')} />
        {error && <Alert type="error" showIcon message={error} data-testid="policy-add-error" />}
        <Form<ValueForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ area: me.areaCode, ruleSet: '', effective: '', reference: '' }}>
          <Form.Item name="area" label={t('policy.add.area')} rules={[{ required: true, message: t('common.required', { field: t('policy.add.area') }) }]}><Input /></Form.Item>
          <Form.Item name="ruleSet" label={t('policy.col.ruleSet')}>
            <Select options={[{ value: '', label: t('policy.ruleSet.any') }, { value: 'cn-2012', label: ruleSetLabel(t, 'cn-2012') }, { value: 'cn-2021', label: ruleSetLabel(t, 'cn-2021') }]} />
          </Form.Item>
          <Form.Item name="effective" label={t('policy.add.effective')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('common.required', { field: t('policy.add.effective') }) }]}><Input placeholder="2016-01-01" /></Form.Item>
          {kind === 'number' && <Form.Item name="number" label={`${t('policy.add.value')}（${unitLabel(t, unit)}）`} rules={[{ required: true, message: t('common.required', { field: t('policy.add.value') }) }, nonNegative(t)]}><InputNumber style={{ width: '100%' }} /></Form.Item>}
          {kind === 'bool' && <Form.Item name="bool" label={t('policy.add.value')} valuePropName="checked"><Switch /></Form.Item>}
          {kind === 'text' && <Form.Item name="text" label={`${t('policy.add.value')}（${unitLabel(t, unit)}）`} rules={[{ required: true, message: t('common.required', { field: t('policy.add.value') }) }]}><Input /></Form.Item>}
          {kind === 'list' && <Form.Item name="text" label={t('policy.add.valueList')}><Input.TextArea rows={4} /></Form.Item>}
          <Form.Item name="reference" label={t('policy.add.reference')} rules={[{ required: true, message: t('common.required', { field: t('policy.add.reference') }) }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

/** Every parameter with its dated values per area and their references; prefecture admins add values. */
export default function ParametersPage() {
  const t = useT();
  const me = useCurrentUser();
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState<Parameter | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchParameters(), []);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (data.data ?? []).filter((p) => f === '' || p.name.includes(f) || p.description.toLowerCase().includes(f));
  }, [data.data, filter]);
  const manage = canManagePolicy(me.role);
  return (
    <Card title={t('policy.title')} extra={<PolicyNav />}>
      {toastHolder}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search data-testid="policy-filter" allowClear placeholder={t('policy.filter')} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 360 }} />
        {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
        <Table<Parameter>
          data-testid="policy-parameters"
          rowKey="name"
          size="small"
          loading={data.loading}
          dataSource={rows}
          pagination={{ pageSize: 30, showSizeChanger: false }}
          expandable={{ expandedRowRender: (p) => <ValuesTable parameter={p} /> }}
          // Fixed layout: the widths hold whatever the cells hold (auto layout let the values' one-line text widen
          // the page to 2,160 px and squeeze the name to 31 px); below 880 px the table scrolls inside its card.
          tableLayout="fixed"
          scroll={{ x: 880 }}
          columns={[
            {
              title: t('policy.col.name'), key: 'name',
              render: (_: unknown, p) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Typography.Text strong>{p.description}</Typography.Text>
                  {/* The technical name, for those who edit the parameter files. */}
                  <Typography.Text data-code type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{p.name}</Typography.Text>
                </Space>
              ),
            },
            { title: t('policy.col.unit'), dataIndex: 'unit', width: 130, render: (u: string) => unitLabel(t, u) },
            {
              title: t('policy.col.current'), key: 'current', width: 300,
              render: (_: unknown, p) => {
                const current = p.values.filter((v) => v.current);
                const line = (v: ParameterValue) => `${valueAreaLabel(t, v)}${v.ruleSet ? `/${ruleSetLabel(t, v.ruleSet)}` : ''}：${storedValueLabel(t, v.value, p.unit)}`;
                const shown = current.slice(0, 3).map((v) => <div key={v.id} style={{ wordBreak: 'break-word' }}>{line(v)}</div>);
                return current.length > 3 ? <Tooltip title={current.map(line).join('；')}><div>{shown}<div>…</div></div></Tooltip> : shown;
              },
            },
            ...(manage ? [{ title: '', key: 'add', width: 120, render: (_: unknown, p: Parameter) => <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(p)}>{t('policy.add.open')}</Button> }] : []),
          ]}
        />
      </Space>
      {adding && (
        <AddValueModal
          parameter={adding}
          onClose={() => setAdding(null)}
          onSaved={() => {
            void toast.success(t('policy.add.saved', { name: adding.description }));
            setAdding(null);
            data.reload();
          }}
        />
      )}
    </Card>
  );
}
