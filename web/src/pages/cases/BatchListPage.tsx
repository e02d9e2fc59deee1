import { Alert, Button, Card, Form, Popconfirm, Radio, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { todayInChina } from './api.ts';
import { createBatch, fetchBatchCandidates, fetchBatches, type BatchSummary } from './batchApi.ts';
import { DateInput } from '../../components/DateInput.tsx';

const COUNTY_REVIEW = 'county_review';

/** 县级审核批次: the county approver groups the cases awaiting county review and opens a batch. */
export default function BatchListPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const batches = useApiData(fetchBatches, []);
  const programmes = useProgrammes();
  // Only programmes whose cases go through a county batch: those with a county review state.
  const batched = programmes.items.filter((p) => p.states.some((s) => s.code === COUNTY_REVIEW));
  const first = batched[0];
  const [form] = Form.useForm<{ programme: string; date: string }>();
  useEffect(() => {
    if (first && !form.getFieldValue('programme')) form.setFieldValue('programme', first.code);
  }, [first, form]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canCreate = me.role === 'county_approver' && me.areaLevel === 'county';
  // The confirmation counts what the batch would group: the chosen programme's cases awaiting county review.
  const programme = Form.useWatch('programme', form);
  const date = Form.useWatch('date', form);
  const candidates = useApiData(() => (canCreate && programme ? fetchBatchCandidates(programme) : Promise.resolve(null)), [canCreate, programme]);
  const count = candidates.data?.count ?? null;
  const programmeName = programme ? programmes.name(programme) : '';

  const create = async () => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const res = await createBatch(v.programme, v.date);
      navigate(`/cases/batches/${res.batchNo}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('cases.batches.title')} extra={<Link to="/cases">{t('cases.batches.back')}</Link>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {canCreate && (
          <Form form={form} layout="inline" name="batch" data-testid="batch-create-form" initialValues={{ programme: first?.code, date: todayInChina() }}>
            <Form.Item name="programme" label={t('cases.batches.programme')} rules={[{ required: true, message: t('common.required', { field: t('cases.batches.programme') }) }]}>
              <Radio.Group data-testid="batch-programme" options={batched.map((p) => ({ value: p.code, label: programmes.name(p.code) }))} />
            </Form.Item>
            <Form.Item name="date" label={t('cases.batches.date')} rules={[{ required: true, message: t('common.required', { field: t('cases.batches.date') }) }]}>
              <DateInput max={todayInChina()} />
            </Form.Item>
            <Form.Item extra={t('cases.batches.createHint')}>
              <Popconfirm
                title={t('cases.batches.create')}
                description={
                  <div style={{ maxWidth: 360 }} data-testid="batch-create-confirm">
                    {count === null ? '…' : count > 0 ? t('cases.confirm.batch', { n: count, programme: programmeName, date: date ?? '' }) : t('cases.confirm.batchNone', { programme: programmeName })}
                  </div>
                }
                okText={t('cases.confirm.batchOk')}
                cancelText={t('cases.cancel')}
                okButtonProps={{ disabled: count === null || count === 0 }}
                onOpenChange={(o) => o && candidates.reload()}
                onConfirm={() => void create()}
              >
                <Button type="primary" loading={busy} data-testid="batch-create">
                  {t('cases.batches.create')}
                </Button>
              </Popconfirm>
            </Form.Item>
          </Form>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="batch-error" />}
        {batches.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: batches.error.message })} />}
        <Table<BatchSummary>
          data-testid="batch-table"
          rowKey="batchNo"
          size="small"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'no', title: t('cases.col.batchNo'), render: (_, b) => <Link to={`/cases/batches/${b.batchNo}`}>{b.batchNo}</Link> },
            { key: 'programme', title: t('cases.col.programme'), render: (_, b) => programmes.name(b.programme) },
            { key: 'createdOn', title: t('cases.col.createdOn'), dataIndex: 'createdOn' },
            { key: 'createdBy', title: t('cases.col.createdBy'), dataIndex: 'createdBy' },
            { key: 'size', title: t('cases.col.size'), dataIndex: 'size' },
            { key: 'sampled', title: t('cases.col.sampledCount'), render: (_, b) => (b.sampledOn ? b.sampled : t('cases.dash')) },
            { key: 'ratio', title: t('cases.col.ratio'), render: (_, b) => (b.ratio === null ? t('cases.dash') : `${Math.round(b.ratio * 100)}%`) },
            { key: 'sampledOn', title: t('cases.col.sampledOn'), render: (_, b) => b.sampledOn ?? t('cases.dash') },
          ]}
        />
      </Space>
    </Card>
  );
}
