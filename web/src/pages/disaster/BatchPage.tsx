import { Alert, Button, Card, Checkbox, Descriptions, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { BatchDetail, MemberItem, MemberList } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { BATCH_STATUS_COLORS } from './BatchesPage.tsx';
import { BatchWorksheet } from './BatchWorksheet.tsx';
import { DateInput } from '../../components/DateInput.tsx';

const PAGE = 100;

/** One relief batch: totals, the spot check, notice, approval and decision, the worksheet and the households. */
export default function BatchPage() {
  const { batchNo = '' } = useParams();
  return <BatchView key={batchNo} batchNo={batchNo} />;
}

function BatchView({ batchNo }: { batchNo: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sampledOnly, setSampledOnly] = useState(false);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [members, setMembers] = useState<MemberList>({ items: [], next: null });
  const data = useApiData(() => api<BatchDetail>(`/disaster/batches/${batchNo}`), [batchNo, version]);
  const b = data.data;
  const query = (after = 0) => `/disaster/batches/${batchNo}/households?limit=${PAGE}&after=${after}${sampledOnly ? '&sampled=true' : ''}`;
  useEffect(() => {
    api<MemberList>(query()).then(setMembers, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [batchNo, sampledOnly, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const more = async () => {
    if (members.next === null) return;
    const page = await api<MemberList>(query(members.next));
    setMembers({ items: [...members.items, ...page.items], next: page.next });
  };
  const act = async (path: string, body: object) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/disaster/batches/${batchNo}/${path}`, { method: 'POST', body });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} data-testid="batch-load-error" />;
  if (!b) return <Card loading />;
  const open = b.status === 'draft' || b.status === 'notice';
  const dated = date ? { date } : {};
  const sampleDone = b.sample.sampled > 0 && b.sample.checked === b.sample.sampled;
  return (
    <Card title={`${t('batch.title')} ${b.batchNo}`} extra={<Link to="/disaster/batches">{t('batch.back')}</Link>}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} data-testid="batch-action-error" />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="batch-head">
          <Descriptions.Item label={t('batch.col.kind')}>{t(`batch.kind.${b.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('batch.col.status')}><Tag color={BATCH_STATUS_COLORS[b.status]} data-testid="batch-status">{t(`batch.status.${b.status}`)}</Tag></Descriptions.Item>
          <Descriptions.Item label={b.season ? t('batch.head.season') : t('batch.head.event')}>{b.eventNo ? <Link to={`/disaster/${b.eventNo}`}>{b.eventName}</Link> : b.season}</Descriptions.Item>
          <Descriptions.Item label={t('batch.col.county')}>{b.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('batch.col.households')}><span data-testid="batch-households">{b.households}</span></Descriptions.Item>
          <Descriptions.Item label={t('batch.col.persons')}>{b.persons}</Descriptions.Item>
          <Descriptions.Item label={t('batch.col.amount')}><span data-testid="batch-amount">{formatYuan(b.amountFen)}</span></Descriptions.Item>
          <Descriptions.Item label={t('batch.head.payMonth')}>{b.payMonth}</Descriptions.Item>
          {b.emergencyDue && <Descriptions.Item label={t('batch.head.emergencyDue')}>{b.emergencyDue} {b.emergencyLate ? <Tag color="red" data-testid="batch-emergency-late">{t('batch.head.emergencyLate')}</Tag> : <Tag color="green">{t('batch.head.emergencyMet')}</Tag>}</Descriptions.Item>}
          <Descriptions.Item label={t('batch.col.createdOn')}>{b.createdOn}（{b.createdBy}）</Descriptions.Item>
          <Descriptions.Item label={t('batch.head.sample')}>
            {b.sampledOn ? t('batch.head.sampleText', { ratio: String(Math.round((b.ratio ?? 0) * 100)), sampled: String(b.sample.sampled), checked: String(b.sample.checked), removed: String(b.sample.removed) }) : t('batch.head.notSampled')}
          </Descriptions.Item>
          <Descriptions.Item label={t('batch.head.notice')}>{b.needsNotice ? (b.noticeFrom ? `${b.noticeFrom} ~ ${b.noticeTo}` : '—') : t('batch.head.noNotice')}</Descriptions.Item>
          <Descriptions.Item label={t('batch.head.approved')}>{b.approvedOn ? `${b.approvedOn}（${b.approvedBy}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('batch.head.decided')}>{b.decidedOn ? t('batch.head.decidedText', { date: b.decidedOn, n: String(b.decidedHouseholds) }) : '—'}</Descriptions.Item>
          {b.voidReason && <Descriptions.Item label={t('batch.head.void')}>{b.voidReason}</Descriptions.Item>}
        </Descriptions>
        {b.mayAct && b.status !== 'decided' && b.status !== 'void' && (
          <Space wrap data-testid="batch-steps">
            <DateInput style={{ width: 170 }} value={date} onChange={(v) => setDate(v)} data-testid="batch-step-date" />
            {b.status === 'draft' && !b.sampledOn && <Button type="primary" loading={busy} onClick={() => void act('sample', dated)} data-testid="batch-sample">{t('batch.step.sample')}</Button>}
            {b.status === 'draft' && b.needsNotice && sampleDone && <Button type="primary" loading={busy} disabled={!date} onClick={() => void act('notice', { from: date })} data-testid="batch-notice">{t('batch.step.notice')}</Button>}
            {open && sampleDone && (!b.needsNotice || b.status === 'notice') && <Button type="primary" loading={busy} onClick={() => void act('approve', dated)} data-testid="batch-approve">{t('batch.step.approve')}</Button>}
            {b.status === 'approved' && (
              <Popconfirm title={t('batch.step.decideConfirm')} okText={t('batch.step.yes')} cancelText={t('batch.step.no')} onConfirm={() => void act('decide', dated)}>
                <Button type="primary" loading={busy} data-testid="batch-decide">{t('batch.step.decide')}</Button>
              </Popconfirm>
            )}
            <Input placeholder={t('batch.step.voidReason')} style={{ width: 200 }} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Popconfirm title={t('batch.step.void')} okText={t('batch.step.yes')} cancelText={t('batch.step.no')} onConfirm={() => void act('void', { reason })}>
              <Button danger loading={busy} disabled={reason.trim().length < 2}>{t('batch.step.void')}</Button>
            </Popconfirm>
          </Space>
        )}
        <Table size="small" rowKey="areaCode" pagination={false} title={() => t('batch.townships')} dataSource={b.townships} columns={[
          { key: 'area', title: t('batch.township'), dataIndex: 'areaName' },
          { key: 'households', title: t('batch.col.households'), dataIndex: 'households', align: 'right' },
          { key: 'persons', title: t('batch.col.persons'), dataIndex: 'persons', align: 'right' },
          { key: 'amount', title: t('batch.col.amount'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
        ]} />
        <BatchWorksheet basis={b.basis} />
        <Card size="small" title={t('batch.members')} extra={<Checkbox checked={sampledOnly} onChange={(e) => setSampledOnly(e.target.checked)} data-testid="batch-sampled-only">{t('batch.members.sampledOnly')}</Checkbox>}>
          <Table<MemberItem> size="small" rowKey="ordinal" pagination={false} dataSource={members.items} data-testid="batch-members" locale={{ emptyText: t('common.noData') }} columns={[
            { key: 'householdNo', title: t('batch.m.householdNo'), dataIndex: 'householdNo' },
            { key: 'head', title: t('batch.m.head'), dataIndex: 'headName' },
            { key: 'area', title: t('batch.m.area'), dataIndex: 'areaName' },
            { key: 'claim', title: t('batch.m.claim'), dataIndex: 'claimText' },
            { key: 'persons', title: t('batch.m.persons'), dataIndex: 'persons', align: 'right' },
            { key: 'amount', title: t('batch.m.amount'), align: 'right', render: (_, m) => formatYuan(m.amountFen) },
            { key: 'case', title: t('batch.m.case'), render: (_, m) => (m.caseNo ? <Link to={`/cases/${m.caseNo}`}>{m.caseNo}</Link> : '—') },
            { key: 'check', title: t('batch.m.check'), render: (_, m) => {
              if (m.excluded) return <Tag color="red">{t('batch.m.excluded', { reason: m.excludeReason ?? '' })}</Tag>;
              if (m.checkResult === 'confirmed') return <Tag color="green">{t('batch.m.confirmed')}（{m.checkedBy}）</Tag>;
              const r = reasons[m.householdNo] ?? '';
              const input = <Input size="small" style={{ width: 140 }} placeholder={t('batch.m.reason')} value={r} onChange={(e) => setReasons({ ...reasons, [m.householdNo]: e.target.value })} />;
              if (m.sampled && b.mayAct && open) {
                return (
                  <Space size={4}>
                    <Tag>{t('batch.m.sampled')}</Tag>
                    <Button size="small" type="primary" onClick={() => void act('checks', { householdNo: m.householdNo, result: 'confirmed', ...dated })} data-testid="batch-check-confirm">{t('batch.m.confirm')}</Button>
                    {input}
                    <Button size="small" danger disabled={r.trim().length < 2} onClick={() => void act('checks', { householdNo: m.householdNo, result: 'removed', reason: r, ...dated })}>{t('batch.m.remove')}</Button>
                  </Space>
                );
              }
              if (b.mayAct && open) {
                return <Space size={4}>{input}<Button size="small" danger disabled={r.trim().length < 2} onClick={() => void act('exclude', { householdNo: m.householdNo, reason: r })}>{t('batch.m.exclude')}</Button></Space>;
              }
              return m.sampled ? <Tag>{t('batch.m.sampled')}</Tag> : null;
            } },
          ]} />
          {members.next !== null && <Button style={{ marginTop: 8 }} onClick={() => void more()}>{t('batch.members.more')}</Button>}
        </Card>
      </Space>
    </Card>
  );
}
