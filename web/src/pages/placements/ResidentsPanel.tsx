import { Alert, Button, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Placement, PlacementList } from '../../../../src/modules/placements/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { yuan } from './format.ts';
import { OccupancyChart } from './OccupancyChart.tsx';
import { PlacementAction, type PlacementStep } from './PlacementAction.tsx';

type Filter = 'all' | Placement['status'];
const STATUS_COLORS: Record<Placement['status'], string> = { pending: 'gold', admitted: 'green', discharged: 'default', cancelled: 'default' };

/**
 * An institution's residents: beds used of the total, the month's occupancy per day, and the persons placed
 * there (in the user's scope) with admit, transfer, discharge and death for staff who manage placements.
 * Used by the 集中供养 page and by the institution page's 入住人员 tab.
 */
export default function ResidentsPanel({ countyCode, institutionId }: { countyCode: string; institutionId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const manage = can(me, 'placements.manage');
  const [filter, setFilter] = useState<Filter>('all');
  const [tick, setTick] = useState(0);
  const [acting, setActing] = useState<{ step: PlacementStep; placement: Placement } | null>(null);
  const list = useApiData(() => api<PlacementList>(`/placements?institution=${institutionId}${filter === 'all' ? '' : `&status=${filter}`}`), [institutionId, filter, tick]);
  const home = list.data?.institution;
  const act = (step: PlacementStep, placement: Placement) => <Button size="small" onClick={() => setActing({ step, placement })} data-testid={`placement-${step}-${placement.id}`}>{t(`placements.action.${step}`)}</Button>;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="residents-panel">
      {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
      {home && (
        <Space wrap>
          <Typography.Text strong data-testid="beds-used">{t('placements.bedsUsed', { used: home.admitted, beds: home.beds })}</Typography.Text>
          <Progress aria-label={t('placements.bedsUsed', { used: home.admitted, beds: home.beds })} percent={home.beds > 0 ? Math.round((home.admitted / home.beds) * 1000) / 10 : 0} style={{ width: 240 }} status={home.admitted >= home.beds ? 'exception' : 'normal'} />
        </Space>
      )}
      <OccupancyChart institutionId={institutionId} reloadKey={tick} />
      <Segmented<Filter> value={filter} onChange={setFilter} options={(['all', 'admitted', 'pending', 'discharged', 'cancelled'] as const).map((s) => ({ value: s, label: t(`placements.status.${s}`) }))} />
      <Table<Placement> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 20 }} data-testid="residents-table" locale={{ emptyText: t('common.noData') }}
        columns={[
          { key: 'name', title: t('placements.col.person'), dataIndex: 'name' },
          { key: 'id', title: t('placements.col.idNumber'), dataIndex: 'idNumber' },
          { key: 'case', title: t('placements.col.caseNo'), render: (_, p) => <Link to={`/cases/${p.caseNo}`}>{p.caseNo}</Link> },
          { key: 'status', title: t('placements.col.status'), render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{t(`placements.status.${p.status}`)}</Tag> },
          { key: 'admitted', title: t('placements.col.admittedOn'), render: (_, p) => p.admittedOn ?? '—' },
          { key: 'bed', title: t('placements.col.bed'), render: (_, p) => p.bedLabel ?? '—' },
          { key: 'level', title: t('placements.col.level'), render: (_, p) => (p.selfCareLevel ? t(`placements.level.${p.selfCareLevel}`) : '—') },
          { key: 'fee', title: t('placements.col.careFee'), align: 'right', render: (_, p) => yuan(p.careFeeFen) },
          { key: 'end', title: t('placements.col.end'), render: (_, p) => (p.dischargedOn ? `${p.dischargedOn} ${p.dischargeKind ? t(`placements.kind.${p.dischargeKind}`) : ''}` : '—') },
          ...(manage ? [{
            key: 'actions', title: t('placements.col.actions'),
            render: (_: unknown, p: Placement) => (
              <Space size="small" wrap>
                {p.status === 'pending' && act('admit', p)}
                {p.status === 'admitted' && act('transfer', p)}
                {p.status === 'admitted' && act('discharge', p)}
                {(p.status === 'admitted' || p.status === 'pending') && act('death', p)}
              </Space>
            ),
          }] : []),
        ]} />
      {acting && <PlacementAction step={acting.step} placement={acting.placement} countyCode={countyCode} onClose={() => setActing(null)} onDone={() => { setActing(null); setTick((n) => n + 1); }} />}
    </Space>
  );
}
