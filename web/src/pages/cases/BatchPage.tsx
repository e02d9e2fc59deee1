import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Result, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { todayInChina } from './api.ts';
import { drawSample, fetchBatch, fetchSamplePreview, type BatchCase } from './batchApi.ts';
import { PublicNotice } from './PublicNotice.tsx';
import { BatchApproval } from './BatchApproval.tsx';
import { DateInput } from '../../components/DateInput.tsx';

/** One county batch: its cases, the spot-check sample (drawn once from a stored seed), the public-notice list. */
export default function BatchPage() {
  const { batchNo = '' } = useParams();
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const programmes = useProgrammes();
  const data = useApiData(() => fetchBatch(batchNo), [batchNo, version]);
  const [error, setError] = useState<string | null>(null);
  const b = data.data;

  if (data.error) return <Result status="error" title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/cases/batches">{t('cases.batch.back')}</Link>} />;
  if (!b) return <Spin style={{ display: 'block', padding: 48 }} />;

  const ratio = b.ratio === null ? t('cases.dash') : `${Math.round(b.ratio * 100)}%`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="batch-page">
      <Card title={t('cases.batch.title', { batchNo: b.batchNo })} extra={<Link to="/cases/batches">{t('cases.batch.back')}</Link>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'programme', label: t('cases.col.programme'), children: programmes.name(b.programme) },
              { key: 'createdOn', label: t('cases.col.createdOn'), children: b.createdOn },
              { key: 'createdBy', label: t('cases.col.createdBy'), children: b.createdBy },
              { key: 'ratio', label: t('cases.col.ratio'), children: ratio },
              { key: 'seed', label: t('cases.col.seed'), children: b.seed ?? t('cases.dash') },
              { key: 'sampledOn', label: t('cases.col.sampledOn'), children: b.sampledOn ?? t('cases.dash') },
            ]}
          />
          {b.sampledOn ? (
            <Alert type="success" showIcon data-testid="batch-drawn" message={t('cases.batch.drawn', { date: b.sampledOn, ratio, seed: b.seed ?? '' })} />
          ) : (
            <Alert type="info" showIcon message={t('cases.batch.notDrawn')} />
          )}
          {!b.sampledOn && me.role === 'county_approver' && <DrawSample batchNo={b.batchNo} onError={setError} onDrawn={() => setVersion((n) => n + 1)} />}
          {error && <Alert type="error" showIcon message={error} data-testid="batch-error" />}
          {me.role === 'county_approver' && <BatchApproval batchNo={b.batchNo} onApproved={() => setVersion((n) => n + 1)} />}
          <Table<BatchCase>
            data-testid="batch-cases"
            rowKey="caseNo"
            size="small"
            pagination={false}
            dataSource={b.cases}
            rowClassName={(c) => (c.sampled ? 'batch-sampled' : '')}
            columns={[
              { key: 'no', title: t('cases.col.caseNo'), render: (_, c) => <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> },
              { key: 'applicant', title: t('cases.col.applicant'), dataIndex: 'applicantName' },
              { key: 'area', title: t('cases.col.village'), dataIndex: 'areaCode' },
              { key: 'state', title: t('cases.col.state'), render: (_, c) => programmes.state(b.programme, c.state) },
              { key: 'flagged', title: t('cases.col.flagged'), render: (_, c) => (c.flagged ? <Tag color="orange">{t('cases.batch.flagged')}</Tag> : null) },
              { key: 'sampled', title: t('cases.col.sampled'), render: (_, c) => (c.sampled ? <Tag color="red" data-testid="sampled-tag">{t('cases.batch.inSample')}</Tag> : null) },
            ]}
          />
        </Space>
      </Card>
      <PublicNotice batchNo={b.batchNo} />
    </Space>
  );
}

/** 抽取入户抽查样本: seed and date, then a confirmation saying of how many cases how many are drawn at which ratio. */
function DrawSample({ batchNo, onError, onDrawn }: { batchNo: string; onError: (message: string | null) => void; onDrawn: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ seed?: string; date: string }>();
  const [busy, setBusy] = useState(false);
  const date = Form.useWatch('date', form);
  const seed = Form.useWatch('seed', form);
  const preview = useApiData(() => (date ? fetchSamplePreview(batchNo, date) : Promise.resolve(null)), [batchNo, date]);
  const p = preview.data;

  const draw = async () => {
    onError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      await drawSample(batchNo, v.date, v.seed?.trim() || undefined);
      onDrawn();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const text = preview.error
    ? preview.error.message
    : p
      ? t('cases.confirm.sample', {
        size: p.size, count: p.count, ratio: `${Math.round(p.ratio * 100)}%`,
        flagged: p.flagged > 0 ? t('cases.confirm.sampleFlagged', { n: p.flagged }) : '',
        seed: seed?.trim() || t('cases.confirm.sampleRandomSeed'),
      })
      : '…';
  return (
    <Form form={form} layout="inline" name="sample" initialValues={{ date: todayInChina() }}>
      <Form.Item name="seed" label={t('cases.batch.seed')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="date" label={t('cases.batch.drawDate')} rules={[{ required: true, message: t('common.required', { field: t('cases.batch.drawDate') }) }]}>
        <DateInput max={todayInChina()} />
      </Form.Item>
      <Popconfirm
        title={t('cases.batch.draw')}
        description={<div style={{ maxWidth: 360 }} data-testid="batch-draw-confirm">{text}</div>}
        okText={t('cases.confirm.sampleOk')}
        cancelText={t('cases.cancel')}
        okButtonProps={{ disabled: !p }}
        onConfirm={() => void draw()}
      >
        <Button type="primary" loading={busy} data-testid="batch-draw">
          {t('cases.batch.draw')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
