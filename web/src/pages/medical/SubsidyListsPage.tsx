import { Alert, Button, Card, Form, InputNumber, Select, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { fetchSubsidyLists, generateSubsidyList, type SubsidyList } from './api-subsidy.ts';
import { DateInput } from '../../components/DateInput.tsx';

export const SUBSIDY_STATUS_COLORS: Record<string, string> = { draft: 'blue', reviewed: 'cyan', approved: 'green', exported: 'purple', void: 'default' };

/** 资助参保名单: the lists of the user's area; a county approver generates the list of a year. */
export default function SubsidyListsPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useApiData(() => fetchSubsidyLists({}), []);
  const [form] = Form.useForm<{ year: number; asOf: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canGenerate = can(me, 'medical.subsidy') && me.areaLevel === 'county';

  const generate = async () => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await generateSubsidyList(me.areaCode, v.year, v.asOf);
      navigate(`/medical/subsidy/${r.listNo}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('medical.subsidy.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {canGenerate && (
          <Form form={form} layout="inline" name="subsidy-generate" data-testid="subsidy-generate-form" initialValues={{ year: new Date().getFullYear() + 1 }}>
            <Form.Item label={t('medical.subsidy.generate.county')}>
              <Select style={{ width: 160 }} disabled value={me.areaCode} options={[{ value: me.areaCode, label: me.areaName }]} />
            </Form.Item>
            <Form.Item name="year" label={t('medical.subsidy.generate.year')} rules={[{ required: true, message: t('common.required', { field: t('medical.subsidy.generate.year') }) }]}>
              <InputNumber min={2000} max={2100} precision={0} data-testid="subsidy-year" />
            </Form.Item>
            <Form.Item name="asOf" label={t('medical.subsidy.generate.asOf')} rules={[{ required: true, message: t('common.required', { field: t('medical.subsidy.generate.asOf') }) }]}>
              <DateInput style={{ width: 150 }} data-testid="subsidy-as-of" />
            </Form.Item>
            <Form.Item extra={t('medical.subsidy.generate.hint')}>
              <Button type="primary" loading={busy} onClick={() => void generate()} data-testid="subsidy-generate">{t('medical.subsidy.generate.submit')}</Button>
            </Form.Item>
          </Form>
        )}
        {busy && <Spin tip={t('medical.subsidy.generate.running')}><div style={{ height: 40 }} /></Spin>}
        {error && <Alert type="error" showIcon message={error} data-testid="subsidy-error" />}
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        <Table<SubsidyList>
          data-testid="subsidy-table"
          rowKey="listNo"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'no', title: t('medical.subsidy.col.listNo'), render: (_, l) => <Link to={`/medical/subsidy/${l.listNo}`}>{l.listNo}</Link> },
            { key: 'county', title: t('medical.subsidy.col.county'), dataIndex: 'countyName' },
            { key: 'year', title: t('medical.subsidy.col.year'), dataIndex: 'year' },
            { key: 'asOf', title: t('medical.subsidy.col.asOf'), dataIndex: 'asOf' },
            { key: 'status', title: t('medical.subsidy.col.status'), render: (_, l) => <Tag color={SUBSIDY_STATUS_COLORS[l.status]}>{l.statusLabel}</Tag> },
            { key: 'persons', title: t('medical.subsidy.col.persons'), dataIndex: 'persons', align: 'right' },
            { key: 'amount', title: t('medical.subsidy.col.amount'), align: 'right', render: (_, l) => formatYuan(l.amountFen) },
            { key: 'enrolled', title: t('medical.subsidy.col.enrolled'), dataIndex: 'enrolled', align: 'right' },
            { key: 'refused', title: t('medical.subsidy.col.refused'), dataIndex: 'refused', align: 'right' },
          ]}
        />
      </Space>
    </Card>
  );
}
