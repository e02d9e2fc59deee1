import { Alert, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { InstitutionOccupancy } from '../../../../src/modules/placements/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { percent, today } from './format.ts';
import ResidentsPanel from './ResidentsPanel.tsx';
import { DateInput } from '../../components/DateInput.tsx';

type Home = InstitutionOccupancy['items'][number];

/**
 * 集中供养: the institutions of the user's county (the prefecture: of every county) with beds, residents,
 * placements awaiting admission and the bed-use rate on a day; `?institution=ID` opens its residents.
 */
export default function PlacementsPage() {
  const t = useT();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [asOf, setAsOf] = useState<string>(today());
  const area = me.areaCode.slice(0, 6);
  const list = useApiData(() => api<InstitutionOccupancy>(`/placements/institutions?area=${area}&asOf=${asOf}`), [area, asOf]);
  const selected = Number(params.get('institution') ?? '') || null;
  const home = list.data?.items.find((h) => h.id === selected);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('placements.title')} extra={<Space><span>{t('placements.asOf')}</span><DateInput value={asOf} onChange={(v) => v && setAsOf(v)} data-testid="placements-asOf" /></Space>}>
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        <Table<Home> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 30 }} data-testid="placements-institutions" locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'name', title: t('placements.col.name'), render: (_, h) => <Link to={`/placements?institution=${h.id}`}>{h.name}</Link> },
            { key: 'beds', title: t('placements.col.beds'), dataIndex: 'beds', align: 'right' },
            { key: 'residents', title: t('placements.col.residents'), dataIndex: 'residents', align: 'right' },
            { key: 'pending', title: t('placements.col.pending'), dataIndex: 'pending', align: 'right' },
            { key: 'rate', title: t('placements.col.rate'), align: 'right', render: (_, h) => percent(h.rate) },
            { key: 'open', title: '', render: (_, h) => <Button size="small" onClick={() => setParams({ institution: String(h.id) })}>{t('placements.open')}</Button> },
          ]} />
      </Card>
      {selected && (
        <Card title={t('placements.residents', { name: home?.name ?? String(selected) })}>
          <ResidentsPanel countyCode={home?.countyCode ?? area} institutionId={selected} />
        </Card>
      )}
    </Space>
  );
}
