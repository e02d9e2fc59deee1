import { Alert, Button, Card, Form, Input, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { draftRerate, fetchRerates, yuan, type RerateSummary } from './api.ts';
import { MonthInput } from '../../components/DateInput.tsx';

/** 批量调标: the county approver drafts a re-rating list for a programme and month; the county's batches. */
export default function RerateListPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const batches = useApiData(fetchRerates, []);
  const [form] = Form.useForm<{ programme: string; effectiveMonth: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canDraft = me.role === 'county_approver' && me.areaLevel === 'county';

  const draft = async () => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await draftRerate({ programme: v.programme, effectiveMonth: v.effectiveMonth, ...(v.reason ? { reason: v.reason } : {}) });
      navigate(`/cases/rerate/${res.batchNo}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('rerate.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('rerate.hint')} />
        {canDraft && (
          <Form form={form} layout="inline" name="rerate" data-testid="rerate-form" initialValues={{ programme: 'dibao' }}>
            <Form.Item name="programme" label={t('rerate.programme')} rules={[{ required: true, message: t('common.required', { field: t('rerate.programme') }) }]}>
              <Radio.Group options={[{ value: 'dibao', label: t('rerate.programme.dibao') }, { value: 'hardship', label: t('rerate.programme.hardship') }]} />
            </Form.Item>
            <Form.Item name="effectiveMonth" label={t('rerate.month')} rules={[{ required: true, message: t('common.required', { field: t('rerate.month') }) }]}>
              <MonthInput data-testid="rerate-month" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="reason" label={t('rerate.reason')}>
              <Input placeholder={t('rerate.reasonPlaceholder')} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" loading={busy} onClick={() => void draft()} data-testid="rerate-draft">{t('rerate.draft')}</Button>
            </Form.Item>
          </Form>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="rerate-error" />}
        {batches.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: batches.error.message })} />}
        <Table<RerateSummary>
          rowKey="batchNo"
          size="small"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'no', title: t('rerate.col.batchNo'), render: (_, b) => <Link to={`/cases/rerate/${b.batchNo}`}>{b.batchNo}</Link> },
            { key: 'programme', title: t('rerate.col.programme'), dataIndex: 'programmeLabel' },
            { key: 'month', title: t('rerate.col.month'), dataIndex: 'effectiveMonth' },
            { key: 'status', title: t('rerate.col.status'), dataIndex: 'statusLabel' },
            { key: 'items', title: t('rerate.col.items'), render: (_, b) => b.counts.items },
            { key: 'difference', title: t('rerate.col.difference'), render: (_, b) => yuan(b.totals.differenceFen) },
            { key: 'draftedBy', title: t('rerate.col.draftedBy'), dataIndex: 'draftedBy' },
          ]}
        />
      </Space>
    </Card>
  );
}
