import { Alert, Button, Card, Checkbox, Descriptions, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { excludeEntry, fetchSubsidyEntries, fetchSubsidyList, includeEntry, insurerFileUrl, moveSubsidyList, type SubsidyEntry, type SubsidyGroup } from './api-subsidy.ts';
import { SubsidyResultImport } from './SubsidyResultImport.tsx';
import { SUBSIDY_STATUS_COLORS } from './SubsidyListsPage.tsx';

const PAGE = 50;

/** One premium-subsidy list: totals, entries with exclude/include, review/approve/void, the insurer file and its result. */
export default function SubsidyListPage() {
  const { listNo = '' } = useParams();
  return <SubsidyListView key={listNo} listNo={listNo} />;
}

function SubsidyListView({ listNo }: { listNo: string }) {
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<{ township?: string; group?: SubsidyGroup; unmask: boolean }>({ unmask: false });
  const [entries, setEntries] = useState<{ items: SubsidyEntry[]; next: number | null }>({ items: [], next: null });
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const data = useApiData(() => fetchSubsidyList(listNo), [listNo, version]);
  const l = data.data;
  const manage = can(me, 'medical.subsidy') && l !== undefined && me.areaCode === l.countyCode;

  useEffect(() => {
    fetchSubsidyEntries(listNo, { ...filter, limit: PAGE }).then(setEntries, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [listNo, filter, version]);
  const more = async () => {
    if (entries.next === null) return;
    const page = await fetchSubsidyEntries(listNo, { ...filter, limit: PAGE, after: entries.next });
    setEntries({ items: [...entries.items, ...page.items], next: page.next });
  };
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} data-testid="subsidy-load-error" />;
  if (!l) return <Card loading />;
  const step = (s: 'review' | 'approve' | 'void', danger = false) => (
    <Popconfirm title={t(`medical.subsidy.${s}.confirm`)} okText={t('medical.subsidy.yes')} cancelText={t('medical.subsidy.no')} onConfirm={() => void act(() => moveSubsidyList(listNo, s))}>
      <Button danger={danger} type={danger ? 'default' : 'primary'} loading={busy} data-testid={`subsidy-${s}`}>{t(`medical.subsidy.${s}`)}</Button>
    </Popconfirm>
  );
  const draft = l.status === 'draft';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${t('medical.subsidy.title')} ${l.listNo}`} extra={<Tag color={SUBSIDY_STATUS_COLORS[l.status]}>{l.statusLabel}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('medical.subsidy.col.county')}>{l.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.year')}>{l.year}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.asOf')}>{l.asOf}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.persons')}>{l.persons}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.amount')}>{formatYuan(l.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.detail.excludedCount')}>{l.excluded}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.detail.createdBy')}>{`${l.createdBy} ${l.createdOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.detail.reviewedBy')}>{l.reviewedBy ? `${l.reviewedBy} ${l.reviewedOn ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.detail.approvedBy')}>{l.approvedBy ? `${l.approvedBy} ${l.approvedOn ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.detail.exportedOn')}>{l.exportedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.enrolled')}>{l.enrolled}</Descriptions.Item>
          <Descriptions.Item label={t('medical.subsidy.col.refused')}>{l.refused}</Descriptions.Item>
        </Descriptions>
        {manage && (
          <Space wrap>
            {draft && step('review')}
            {l.status === 'reviewed' && step('approve')}
            {(draft || l.status === 'reviewed') && step('void', true)}
            {(l.status === 'approved' || l.status === 'exported') && (
              <>
                <Button href={insurerFileUrl(listNo, 'xlsx')} onClick={() => setTimeout(() => setVersion((v) => v + 1), 1500)} data-testid="subsidy-file">{t('medical.subsidy.file')}</Button>
                <Button href={insurerFileUrl(listNo, 'csv')} data-testid="subsidy-file-csv">{t('medical.subsidy.fileCsv')}</Button>
              </>
            )}
          </Space>
        )}
        {manage && (l.status === 'approved' || l.status === 'exported') && <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('medical.subsidy.file.hint')} />}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="subsidy-error" />}
      </Card>
      <Space align="start" wrap>
        <Card size="small" title={t('medical.subsidy.detail.byGroup')}>
          <Table size="small" pagination={false} rowKey="group" dataSource={l.byGroup} columns={[
            { key: 'g', title: t('medical.subsidy.col.group'), dataIndex: 'groupLabel' },
            { key: 'p', title: t('medical.subsidy.col.persons'), dataIndex: 'persons', align: 'right' },
            { key: 'a', title: t('medical.subsidy.col.amount'), align: 'right', render: (_, g) => formatYuan(g.amountFen) },
          ]} />
        </Card>
        <Card size="small" title={t('medical.subsidy.detail.byTownship')}>
          <Table size="small" pagination={false} rowKey="townshipCode" dataSource={l.byTownship} columns={[
            { key: 't', title: t('medical.subsidy.col.township'), dataIndex: 'townshipName' },
            { key: 'p', title: t('medical.subsidy.col.persons'), dataIndex: 'persons', align: 'right' },
            { key: 'a', title: t('medical.subsidy.col.amount'), align: 'right', render: (_, g) => formatYuan(g.amountFen) },
          ]} />
        </Card>
      </Space>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('medical.subsidy.filter.township')} allowClear style={{ width: 180 }} placeholder={t('medical.subsidy.filter.township')} value={filter.township}
            options={l.byTownship.map((x) => ({ value: x.townshipCode, label: x.townshipName }))} onChange={(v?: string) => setFilter({ ...filter, ...{ township: v } })} />
          <Select aria-label={t('medical.subsidy.filter.allGroups')} allowClear style={{ width: 140 }} placeholder={t('medical.subsidy.filter.allGroups')} value={filter.group}
            options={l.byGroup.map((g) => ({ value: g.group, label: g.groupLabel }))} onChange={(v?: SubsidyGroup) => setFilter({ ...filter, ...{ group: v } })} />
          {manage && <Checkbox checked={filter.unmask} onChange={(e) => setFilter({ ...filter, unmask: e.target.checked })}>{t('medical.subsidy.unmask')}</Checkbox>}
        </Space>
        <Table<SubsidyEntry> size="small" rowKey="id" pagination={false} dataSource={entries.items} data-testid="subsidy-entries" locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'township', title: t('medical.subsidy.col.township'), dataIndex: 'townshipName' },
            { key: 'village', title: t('medical.subsidy.col.village'), dataIndex: 'villageName' },
            { key: 'name', title: t('medical.subsidy.col.name'), dataIndex: 'name' },
            { key: 'id', title: t('medical.subsidy.col.idNumber'), dataIndex: 'idNumber' },
            { key: 'group', title: t('medical.subsidy.col.group'), dataIndex: 'groupLabel' },
            { key: 'c', title: t('medical.subsidy.col.contribution'), align: 'right', render: (_, e) => formatYuan(e.contributionFen) },
            { key: 's', title: t('medical.subsidy.col.subsidy'), align: 'right', render: (_, e) => formatYuan(e.subsidyFen) },
            { key: 'self', title: t('medical.subsidy.col.selfPay'), align: 'right', render: (_, e) => formatYuan(e.selfPayFen) },
            { key: 'x', title: t('medical.subsidy.col.excluded'), render: (_, e) => (e.excluded ? <Tag color="red">{t('medical.subsidy.excludedTag', { reason: e.excludeReason ?? '' })}</Tag> : <Tag>{t('medical.subsidy.kept')}</Tag>) },
            { key: 'r', title: t('medical.subsidy.col.result'), render: (_, e) => `${e.resultLabel}${e.resultReason ? `（${e.resultReason}）` : ''}` },
            ...(manage && draft ? [{
              key: 'action', title: t('medical.subsidy.col.action'), render: (_: unknown, e: SubsidyEntry) => (e.excluded
                ? <Button size="small" onClick={() => void act(() => includeEntry(listNo, e.id))}>{t('medical.subsidy.include')}</Button>
                : (
                  <Popconfirm title={t('medical.subsidy.exclude.prompt')} okText={t('medical.subsidy.yes')} cancelText={t('medical.subsidy.no')}
                    description={<Input placeholder={t('medical.subsidy.exclude.reason')} value={reasons[e.id] ?? ''} onChange={(ev) => setReasons({ ...reasons, [e.id]: ev.target.value })} />}
                    onConfirm={() => void act(() => excludeEntry(listNo, e.id, reasons[e.id] ?? ''))}>
                    <Button size="small" danger>{t('medical.subsidy.exclude')}</Button>
                  </Popconfirm>
                )),
            }] : []),
          ]} />
        {entries.next !== null && <Button style={{ marginTop: 8 }} onClick={() => void more()}>{t('medical.subsidy.more')}</Button>}
      </Card>
      {manage && l.status === 'exported' && <SubsidyResultImport listNo={listNo} onImported={() => setVersion((v) => v + 1)} />}
    </Space>
  );
}
