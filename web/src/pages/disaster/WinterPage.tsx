import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { WinterNeedList } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { applyFieldErrors } from './formErrors.ts';
import { WinterImport } from './WinterImport.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { nonNegative } from '../../forms/rules.ts';

type Need = WinterNeedList['items'][number];
interface Values {
  householdNo: string;
  personsFirst: number;
  personsSecond: number;
  personsThird: number;
  surveyedOn: string;
  note?: string;
}

/** The season whose survey runs now: this autumn's, or last autumn's before September. */
function currentSeason(today = new Date()): string {
  const y = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${y}-${y + 1}`;
}

function NeedForm({ season, onClose, onDone }: { season: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api('/disaster/winter-needs', { method: 'POST', body: { ...v, season, note: v.note ?? '' } });
      onDone();
    } catch (err) {
      setError(applyFieldErrors(form, err, ['householdNo', 'personsFirst', 'personsSecond', 'personsThird', 'surveyedOn', 'note']));
    } finally {
      setBusy(false);
    }
  };
  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <Modal open title={t('disaster.winter.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'winter-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="winter-error" />}
      <Typography.Paragraph type="secondary">{t('disaster.winter.classHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ personsFirst: 0, personsSecond: 0, personsThird: 0, surveyedOn: `${season.slice(0, 4)}-10-01` }}>
        <Form.Item name="householdNo" label={t('disaster.damage.householdNo')} rules={[...required(t('disaster.damage.householdNo')), { pattern: /^\d{14}$/, message: t('disaster.damage.householdNoFormat') }]}><Input maxLength={14} data-testid="winter-householdNo" /></Form.Item>
        <Space>
          {(['personsFirst', 'personsSecond', 'personsThird'] as const).map((k, i) => (
            <Form.Item key={k} name={k} label={t((['disaster.winter.first', 'disaster.winter.second', 'disaster.winter.third'] as const)[i] ?? 'disaster.winter.first')} rules={[nonNegative(t)]}><InputNumber max={100} precision={0} data-testid={`winter-${k}`} /></Form.Item>
          ))}
        </Space>
        <Form.Item name="surveyedOn" label={t('disaster.winter.surveyedOn')} rules={required(t('disaster.winter.surveyedOn'))}><DateInput data-testid="winter-surveyedOn" /></Form.Item>
        <Form.Item name="note" label={t('disaster.damage.note')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 冬春生活救助需求调查: a season's survey in the user's area, totals by class, recording a household's needs. */
export default function WinterPage() {
  const t = useT();
  const [season, setSeason] = useState(currentSeason);
  const [adding, setAdding] = useState(false);
  const list = useApiData(() => api<WinterNeedList>(`/disaster/winter-needs?season=${season}`), [season]);
  const first = Number(currentSeason().slice(0, 4));
  // Every season from 2014-2015 (the first the 冬春 rules here apply to) to next autumn's.
  const seasons = Array.from({ length: Math.max(first + 2 - 2014, 1) }, (_, i) => first + 1 - i).map((y) => ({ value: `${y}-${y + 1}`, label: t('disaster.winter.seasonLabel', { from: y, to: y + 1 }) }));
  const totals = list.data?.totals;
  return (
    <Card title={t('disaster.winter.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {t('disaster.winter.season')}
          <Select aria-label={t('disaster.winter.season')} style={{ width: 320 }} value={season} onChange={setSeason} options={seasons} virtual={false} listHeight={400} data-testid="winter-season" />
          {list.data?.mayRecord && <Button type="primary" onClick={() => setAdding(true)} data-testid="winter-new">{t('disaster.winter.new')}</Button>}
        </Space>
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        {list.data?.mayRecord && <WinterImport season={season} onImported={list.reload} />}
        {totals && <Typography.Text strong data-testid="winter-totals">{t('disaster.winter.totals', { households: totals.households, first: totals.personsFirst, second: totals.personsSecond, third: totals.personsThird })}</Typography.Text>}
        <Table<Need> size="small" rowKey="householdNo" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="winter-table" locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'no', title: t('disaster.damage.householdNo'), dataIndex: 'householdNo' },
          { key: 'head', title: t('disaster.damage.headName'), dataIndex: 'headName' },
          { key: 'area', title: t('disaster.damage.area'), dataIndex: 'areaName' },
          { key: 'first', title: t('disaster.winter.first'), dataIndex: 'personsFirst', align: 'right' },
          { key: 'second', title: t('disaster.winter.second'), dataIndex: 'personsSecond', align: 'right' },
          { key: 'third', title: t('disaster.winter.third'), dataIndex: 'personsThird', align: 'right' },
          { key: 'on', title: t('disaster.winter.surveyedOn'), dataIndex: 'surveyedOn' },
          { key: 'by', title: t('disaster.winter.surveyedBy'), dataIndex: 'surveyedBy' },
          { key: 'note', title: t('disaster.damage.note'), dataIndex: 'note' },
        ]} />
      </Space>
      {adding && <NeedForm season={season} onClose={() => setAdding(false)} onDone={() => { setAdding(false); list.reload(); }} />}
    </Card>
  );
}
