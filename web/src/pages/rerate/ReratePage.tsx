import { Alert, Button, Card, Descriptions, Popconfirm, Radio, Result, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { approveRerate, discardRerate, fetchRerate, yuan, type Outcome, type RerateItem } from './api.ts';
import { Worksheet } from './Worksheet.tsx';

const COLORS: Record<Outcome, string> = { up: 'green', down: 'orange', unchanged: 'default', review: 'red' };
const PAGE = 50;

/** One re-rating batch: totals and counts, the policy basis, the list with each household's worksheet; approve or discard. */
export default function ReratePage() {
  const t = useT();
  const me = useCurrentUser();
  const { batchNo = '' } = useParams();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const data = useApiData(() => fetchRerate(batchNo, { outcome, offset, limit: PAGE }), [batchNo, outcome, offset]);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (data.error) return <Result status="error" title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/cases/rerate">{t('rerate.back')}</Link>} />;
  const b = data.data;
  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ type: 'success', text: await fn() });
      data.reload();
    } catch (err) {
      setMessage({ type: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const canDecide = b?.status === 'draft' && me.role === 'county_approver';

  return (
    <Card loading={!b} title={b ? `${t('rerate.title')} ${b.batchNo}` : t('rerate.title')} extra={<Link to="/cases/rerate">{t('rerate.back')}</Link>}>
      {b && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('rerate.col.programme')}>{b.programmeLabel}</Descriptions.Item>
            <Descriptions.Item label={t('rerate.col.month')}>{b.effectiveMonth}</Descriptions.Item>
            <Descriptions.Item label={t('rerate.col.status')}><span data-testid="rerate-status">{b.statusLabel}</span></Descriptions.Item>
            <Descriptions.Item label={t('rerate.reasonLabel')} span={3}>{b.reason}</Descriptions.Item>
            <Descriptions.Item label={t('rerate.draftedBy')}>{`${b.draftedBy} ${b.draftedAt.slice(0, 10)}`}</Descriptions.Item>
            <Descriptions.Item label={t('rerate.decidedBy')} span={2}>{b.decidedBy ? `${b.decidedBy} ${b.decidedOn ?? b.decidedAt?.slice(0, 10) ?? ''}` : t('cases.dash')}</Descriptions.Item>
          </Descriptions>
          <Space size="large" wrap>
            {(['items', 'up', 'down', 'unchanged', 'review'] as const).map((k) => <Statistic key={k} title={t(`rerate.count.${k}`)} value={b.counts[k]} />)}
            <Statistic title={t('rerate.total.old')} value={yuan(b.totals.oldFen)} />
            <Statistic title={t('rerate.total.new')} value={yuan(b.totals.newFen)} />
            <Statistic title={t('rerate.total.difference')} value={yuan(b.totals.differenceFen)} />
          </Space>
          {canDecide && (
            <Space>
              <Popconfirm title={t('rerate.approveConfirm')} onConfirm={() => void act(async () => {
                const r = await approveRerate(b.batchNo);
                return t('rerate.approved', { changed: String(r.changed), month: r.effectiveMonth });
              })}>
                <Button type="primary" loading={busy} data-testid="rerate-approve">{t('rerate.approve')}</Button>
              </Popconfirm>
              <Popconfirm title={t('rerate.discardConfirm')} onConfirm={() => void act(async () => (await discardRerate(b.batchNo)).statusLabel)}>
                <Button danger loading={busy} data-testid="rerate-discard">{t('rerate.discard')}</Button>
              </Popconfirm>
            </Space>
          )}
          {message && <Alert type={message.type} showIcon message={message.text} data-testid="rerate-message" />}
          <Table
            size="small"
            title={() => t('rerate.documents')}
            rowKey={(d) => `${d.parameter}|${d.area}|${d.effective}`}
            dataSource={b.documents}
            pagination={false}
            columns={[
              { key: 'p', title: t('rerate.doc.parameter'), dataIndex: 'parameter' },
              { key: 'a', title: t('rerate.doc.area'), dataIndex: 'area' },
              { key: 'e', title: t('rerate.doc.effective'), dataIndex: 'effective' },
              { key: 'v', title: t('rerate.doc.value'), dataIndex: 'value' },
              { key: 'r', title: t('rerate.doc.reference'), dataIndex: 'reference' },
            ]}
          />
          <Radio.Group
            value={outcome ?? 'all'}
            onChange={(e) => { setOffset(0); setOutcome(e.target.value === 'all' ? undefined : (e.target.value as Outcome)); }}
            options={[{ value: 'all', label: t('rerate.filter.all') }, ...(['up', 'down', 'unchanged', 'review'] as const).map((o) => ({ value: o, label: t(`rerate.outcome.${o}`) }))]}
            optionType="button"
          />
          <Table<RerateItem>
            data-testid="rerate-items"
            rowKey="caseNo"
            size="small"
            loading={data.loading}
            dataSource={b.items}
            locale={{ emptyText: t('common.noData') }}
            expandable={{ expandedRowRender: (item) => <Worksheet item={item} /> }}
            pagination={{ current: Math.floor(offset / PAGE) + 1, pageSize: PAGE, total: b.page.total, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * PAGE) }}
            columns={[
              { key: 'name', title: t('rerate.col.name'), render: (_, i) => <Link to={`/cases/${i.caseNo}`}>{i.name}</Link> },
              { key: 'village', title: t('rerate.col.village'), dataIndex: 'village' },
              { key: 'persons', title: t('rerate.col.persons'), dataIndex: 'persons' },
              { key: 'old', title: t('rerate.col.old'), render: (_, i) => yuan(i.oldAmountFen) },
              { key: 'new', title: t('rerate.col.new'), render: (_, i) => (i.newAmountFen === null ? t('cases.dash') : yuan(i.newAmountFen)) },
              { key: 'change', title: t('rerate.col.change'), render: (_, i) => (i.differenceFen === null ? t('cases.dash') : yuan(i.differenceFen)) },
              { key: 'outcome', title: t('rerate.col.outcome'), render: (_, i) => <Tag color={COLORS[i.outcome]}>{t(`rerate.outcome.${i.outcome}`)}</Tag> },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
