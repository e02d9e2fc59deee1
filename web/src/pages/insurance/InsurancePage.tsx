import { Alert, Button, Card, Descriptions, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ClaimItem, Finding, InsuranceFigures, InsuredPage, PolicyDetail } from '../../../../src/modules/housing-insurance/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { figures, getPolicy, listClaims, listInsured, listPolicies, reconciliation } from './api.ts';
import { ClaimDialog, type ClaimAction } from './ClaimDialog.tsx';
import { InsuredImport } from './InsuredImport.tsx';
import { NewPolicy } from './NewPolicy.tsx';

const money = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

/** 政策性农房保险: a county's policy of a year, its insured households by village, claims, reconciliation and figures. */
export default function InsurancePage() {
  const t = useT();
  const me = useCurrentUser();
  const [year, setYear] = useState(2015);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [tick, setTick] = useState(0);
  const policies = useApiData(() => listPolicies(year), [year, tick]);
  const items = policies.data?.items ?? [];
  const county = picked && items.some((p) => p.countyCode === picked) ? picked : items[0]?.countyCode;
  const manages = can(me, 'insurance.manage') && me.areaLevel === 'county';
  return (
    <Card title={t('insurance.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('insurance.year')}</span>
          <InputNumber aria-label={t('insurance.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} data-testid="insurance-year" />
          {items.length > 1 && <Select aria-label={t('insurance.county')} style={{ width: 200 }} value={county} onChange={setPicked} options={items.map((p) => ({ value: p.countyCode, label: p.countyName }))} placeholder={t('insurance.county')} />}
          {manages && items.length === 0 && !policies.loading && <Button type="primary" onClick={() => setAdding(true)} data-testid="policy-new">{t('insurance.policy.new')}</Button>}
        </Space>
        {policies.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: policies.error.message })} />}
        {!policies.loading && !county && <Alert type="info" showIcon message={t('insurance.noPolicy')} />}
        {county && <PolicyTabs key={`${county}-${year}`} county={county} year={year} version={tick} onChanged={() => setTick((n) => n + 1)} />}
      </Space>
      {adding && <NewPolicy year={year} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); setTick((n) => n + 1); }} />}
    </Card>
  );
}

/** The policy's tabs; `version` reloads the policy and its insured households (after generating or importing) without losing the open tab. */
function PolicyTabs({ county, year, version, onChanged }: { county: string; year: number; version: number; onChanged: () => void }) {
  const t = useT();
  const [village, setVillage] = useState<string | undefined>(undefined);
  const [action, setAction] = useState<ClaimAction | null>(null);
  const [tick, setTick] = useState(0);
  const policy = useApiData(() => getPolicy(county, year), [county, year, version]);
  const insured = useApiData(() => listInsured(county, year, village), [county, year, village, version]);
  const claims = useApiData(() => listClaims(county, year), [county, year, tick]);
  const rec = useApiData(() => reconciliation(county, year), [county, year, tick, version]);
  const figs = useApiData(() => figures(county, year), [county, year, tick, version]);
  const p = policy.data;
  if (!p) return policy.error ? <Alert type="error" showIcon message={t('common.loadFailed', { message: policy.error.message })} /> : null;
  const done = () => { setAction(null); setTick((n) => n + 1); };
  return (
    <>
      <Tabs items={[
        { key: 'policy', label: t('insurance.tab.policy'), children: <PolicyView p={p} /> },
        { key: 'insured', label: t('insurance.tab.insured'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {p.mayManage && <InsuredImport county={county} year={year} onImported={onChanged} />}
            <Table size="small" rowKey="villageCode" dataSource={p.byVillage} pagination={false} locale={{ emptyText: t('common.noData') }}
              onRow={(v) => ({ onClick: () => setVillage(v.villageCode), style: { cursor: 'pointer' } })} columns={[
                { key: 't', title: t('insurance.col.township'), dataIndex: 'townshipName' },
                { key: 'v', title: t('insurance.col.village'), dataIndex: 'villageName' },
                { key: 'n', title: t('insurance.policy.insured'), dataIndex: 'insured', align: 'right' },
              ]} />
            <InsuredTable page={insured.data} loading={insured.loading} />
          </Space>
        ) },
        { key: 'claims', label: t('insurance.tab.claims'), children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            {p.mayManage && <Button type="primary" onClick={() => setAction({ kind: 'report' })} data-testid="claim-report">{t('insurance.claim.report')}</Button>}
            <Table<ClaimItem> size="small" rowKey="claimNo" loading={claims.loading} dataSource={claims.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }} columns={[
              { key: 'no', title: t('insurance.col.claimNo'), dataIndex: 'claimNo' },
              { key: 'ev', title: t('insurance.col.event'), dataIndex: 'eventName' },
              { key: 'h', title: t('insurance.col.headName'), render: (_, c) => `${c.headName}（${c.villageName}）` },
              { key: 'r', title: t('insurance.col.reportedOn'), dataIndex: 'reportedOn' },
              { key: 's', title: t('insurance.col.structure'), render: (_, c) => t(`insurance.structure.${c.structure}`) },
              { key: 'rg', title: t('insurance.col.registeredGrade'), render: (_, c) => (c.registeredGrade ? t(`insurance.grade.${c.registeredGrade}`) : '—') },
              { key: 'ag', title: t('insurance.col.assessedGrade'), render: (_, c) => (c.assessedGrade ? t(`insurance.grade.${c.assessedGrade}`) : '—') },
              { key: 'pay', title: t('insurance.col.payable'), align: 'right', render: (_, c) => money(c.payableFen) },
              { key: 'paid', title: t('insurance.col.paid'), align: 'right', render: (_, c) => money(c.paidFen) },
              { key: 'st', title: t('insurance.col.status'), render: (_, c) => <Tag>{t(`insurance.status.${c.status}`)}</Tag> },
              { key: 'a', title: t('insurance.col.actions'), render: (_, c) => p.mayManage && (
                <Space size="small">
                  {c.status === 'reported' && <Button size="small" onClick={() => setAction({ kind: 'assess', claim: c })}>{t('insurance.claim.assess')}</Button>}
                  {c.status === 'assessed' && <Button size="small" onClick={() => setAction({ kind: 'pay', claim: c })}>{t('insurance.claim.pay')}</Button>}
                  {(c.status === 'reported' || c.status === 'assessed') && <Button size="small" danger onClick={() => setAction({ kind: 'refuse', claim: c })}>{t('insurance.claim.refuse')}</Button>}
                </Space>
              ) },
            ]} />
          </Space>
        ) },
        { key: 'rec', label: t('insurance.tab.reconciliation'), children: rec.data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t(`insurance.stacking.${rec.data.stackingRule}`)}</Typography.Text>
            <Space wrap>{rec.data.counts.map((c) => <Tag key={c.kind} color={c.count > 0 ? 'red' : 'green'}>{t(`insurance.finding.${c.kind}`)}：{c.count}</Tag>)}</Space>
            <Table<Finding> size="small" rowKey={(f) => `${f.kind}-${f.claimNo}`} dataSource={rec.data.findings} pagination={false} locale={{ emptyText: t('insurance.reconciliation.none') }} columns={[
              { key: 'k', title: t('insurance.col.finding'), render: (_, f) => t(`insurance.finding.${f.kind}`) },
              { key: 'c', title: t('insurance.col.claimNo'), dataIndex: 'claimNo' },
              { key: 'h', title: t('insurance.col.headName'), render: (_, f) => `${f.headName}（${f.villageName}）` },
              { key: 'm', title: t('insurance.col.detail'), dataIndex: 'message' },
            ]} />
          </Space>
        ) },
        { key: 'fig', label: t('insurance.tab.figures'), children: figs.data && <FiguresView f={figs.data} /> },
      ]} />
      {action && <ClaimDialog action={action} onClose={() => setAction(null)} onDone={done} />}
    </>
  );
}

function PolicyView({ p }: { p: PolicyDetail }) {
  const t = useT();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('insurance.county')}>{p.countyName}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.policyNo')}>{p.policyNo}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.insurer')}>{p.insurer}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.coverage')}>{p.coverageFrom} ~ {p.coverageTo}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.premium')}>{formatYuan(p.premiumFen)}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.governmentPremium')}>{formatYuan(p.governmentPremiumFen)}（{(p.governmentPermille / 10).toFixed(1)}%）</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.perils')} span={2}>{p.perils.map((k) => t(`disaster.kind.${k}`)).join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.sums')} span={2}>{p.sums.map((s) => `${t(`insurance.structure.${s.structure}`)} ${formatYuan(s.sumFen)}`).join('；')}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.insured')}>{p.insured}</Descriptions.Item>
      <Descriptions.Item label={t('insurance.policy.note')}>{p.note || '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function InsuredTable({ page, loading }: { page: InsuredPage | null | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Table size="small" rowKey="householdId" loading={loading} dataSource={page?.items ?? []} locale={{ emptyText: t('common.noData') }} columns={[
      { key: 'no', title: t('insurance.col.householdNo'), dataIndex: 'householdNo' },
      { key: 'n', title: t('insurance.col.headName'), dataIndex: 'headName' },
      { key: 'id', title: t('insurance.col.headId'), dataIndex: 'headIdNumber' },
      { key: 'v', title: t('insurance.col.village'), dataIndex: 'villageName' },
      { key: 's', title: t('insurance.col.structure'), render: (_, r) => (r.structure ? t(`insurance.structure.${r.structure}`) : t('insurance.structure.atClaim')) },
      { key: 'src', title: t('insurance.col.source'), render: (_, r) => t(`insurance.source.${r.source}`) },
    ]} />
  );
}

function FiguresView({ f }: { f: InsuranceFigures }) {
  const t = useT();
  const rows = [...f.items, { areaCode: 'total', areaName: t('insurance.figures.total'), ...f.total }];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table size="small" rowKey="areaCode" dataSource={rows} pagination={false} columns={[
        { key: 'a', title: t('insurance.col.area'), dataIndex: 'areaName' },
        { key: 'i', title: t('insurance.policy.insured'), dataIndex: 'insured', align: 'right' },
        { key: 'c', title: t('insurance.col.claims'), dataIndex: 'claims', align: 'right' },
        { key: 'p', title: t('insurance.col.paidClaims'), dataIndex: 'paidClaims', align: 'right' },
        { key: 'f', title: t('insurance.col.paid'), align: 'right', render: (_, r) => formatYuan(r.paidFen) },
        { key: 'r', title: t('insurance.col.refusedClaims'), dataIndex: 'refusedClaims', align: 'right' },
      ]} />
      <Typography.Title level={5}>{t('insurance.figures.byEvent')}</Typography.Title>
      <Table size="small" rowKey="eventNo" dataSource={f.byEvent} pagination={false} locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'e', title: t('insurance.col.event'), dataIndex: 'eventName' },
        { key: 'c', title: t('insurance.col.claims'), dataIndex: 'claims', align: 'right' },
        { key: 'p', title: t('insurance.col.paidClaims'), dataIndex: 'paidClaims', align: 'right' },
        { key: 'f', title: t('insurance.col.paid'), align: 'right', render: (_, r) => formatYuan(r.paidFen) },
      ]} />
    </Space>
  );
}
