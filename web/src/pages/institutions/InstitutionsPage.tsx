// 供养服务机构名册: the institutions the user may see (a township its county's), filtered by county,
// kind and status; a county approver registers new ones here. Below, the year's figures (统计).
import { Alert, Button, Card, Rate, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { INSTITUTION_KINDS, type InstitutionItem } from '../../../../src/modules/institutions/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { listInstitutions } from './api.ts';
import { FiguresCard } from './FiguresCard.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';

export default function InstitutionsPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [county, setCounty] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('open');
  const [creating, setCreating] = useState(false);
  const { data, error, loading } = useApiData(() => listInstitutions({ kind, status }), [kind, status]);
  const counties = [...new Map((data?.items ?? []).map((i) => [i.countyCode, i.countyName])).entries()];
  const items = (data?.items ?? []).filter((i) => county === undefined || i.countyCode === county);
  const mayCreate = can(user, 'institutions.manage') && user.areaLevel === 'county';
  const all = { value: '', label: t('inst.filter.all') };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('inst.title')} extra={mayCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('inst.new')}</Button>}>
        <Space wrap style={{ marginBottom: 12 }}>
          {counties.length > 1 && (
            <Select style={{ width: 200 }} value={county ?? ''} onChange={(v) => setCounty(v || undefined)} options={[all, ...counties.map(([code, name]) => ({ value: code, label: name }))]} aria-label={t('inst.filter.county')} />
          )}
          <Select style={{ width: 240 }} value={kind ?? ''} onChange={(v) => setKind(v || undefined)} aria-label={t('inst.filter.kind')}
            options={[{ value: '', label: `${t('inst.filter.kind')}：${t('inst.filter.all')}` }, ...INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}` as MessageKey) }))]} />
          <Select style={{ width: 160 }} value={status ?? ''} onChange={(v) => setStatus(v || undefined)} aria-label={t('inst.filter.status')}
            options={[{ value: '', label: `${t('inst.filter.status')}：${t('inst.filter.all')}` }, { value: 'open', label: t('inst.status.open') }, { value: 'closed', label: t('inst.status.closed') }]} />
        </Space>
        {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: error.message })} />}
        <Table<InstitutionItem>
          rowKey="id" loading={loading} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('common.noData') }}
          columns={[
            { title: t('inst.col.name'), dataIndex: 'name', render: (name: string, i) => <Link to={`/institutions/${i.id}`}>{name}</Link> },
            { title: t('inst.col.county'), dataIndex: 'countyName' },
            { title: t('inst.col.kind'), dataIndex: 'kind', render: (k: string) => t(`inst.kind.${k}` as MessageKey) },
            { title: t('inst.col.location'), dataIndex: 'areaName', render: (a: string | null) => a ?? '—' },
            { title: t('inst.col.beds'), dataIndex: 'beds', align: 'right' },
            { title: t('inst.col.careBeds'), dataIndex: 'careBeds', align: 'right' },
            { title: t('inst.col.legalPerson'), dataIndex: 'legalPersonStatus', render: (s: 'registered' | 'not_registered') => <Tag color={s === 'registered' ? 'green' : 'default'}>{t(`inst.legal.${s}`)}</Tag> },
            { title: t('inst.col.stars'), dataIndex: 'latestStars', render: (s: number | null) => (s === null ? '—' : <Rate disabled count={5} value={s} style={{ fontSize: 12 }} />) },
            { title: t('inst.col.status'), dataIndex: 'status', render: (s: 'open' | 'closed') => t(`inst.status.${s}`) },
          ]}
        />
        {creating && <InstitutionForm onClose={() => setCreating(false)} onSaved={(i) => navigate(`/institutions/${i.id}`)} />}
      </Card>
      <FiguresCard />
    </Space>
  );
}
