import { Alert, Card, Skeleton, Space, Table } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useLocale, useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { deptLabel } from '../intake/format.ts';
import { AreaPath } from '../../components/AreaPath.tsx';
import { fetchWarningItems } from './api.ts';
import { pct, yuan } from './format.ts';

/** The list behind a warning: counties, households, cases or referrals. */
export default function WarningListPage() {
  const t = useT();
  const programmes = useProgrammes();
  const [locale] = useLocale();
  const { kind = '' } = useParams();
  const [params] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const year = Number(params.get('year') ?? '2015');
  const data = useApiData(() => fetchWarningItems(kind, area, year), [kind, area, year]);
  const d = data.data;
  return (
    <Card title={t('stats.list.title')} extra={<Link to={`/stats?${area ? `area=${area}&` : ''}year=${year}`}>{t('stats.list.back')}</Link>} data-testid="stats-warning-list">
      {data.error && <Alert type="error" message={t('common.loadFailed', { message: data.error.message })} />}
      {data.loading && <Skeleton active />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {d.counties.length > 0 && <Table rowKey={(w) => `${w.programme ?? ''}${w.areaCode}`} size="small" pagination={false} dataSource={d.counties} columns={[
            { key: 'a', title: t('stats.col.area'), render: (_, w) => <AreaPath names={w.areaPath} /> },
            { key: 'f', title: t('stats.list.figure'), render: (_, w) => w.label?.[locale] ?? '—' },
            { key: 'v', title: t('stats.list.value'), render: (_, w) => (w.kind === 'rural_coverage' ? pct(w.value) : w.value) },
            { key: 't', title: t('stats.list.threshold'), render: (_, w) => (w.threshold === null ? '—' : w.kind === 'rural_coverage' ? pct(w.threshold) : w.threshold) },
          ]} />}
          {d.households.length > 0 && <Table rowKey="householdNo" size="small" dataSource={d.households} columns={[
            { key: 'no', title: t('stats.list.householdNo'), render: (_, h) => <Link to={`/registry/${h.householdNo}`}>{h.householdNo}</Link> },
            { key: 'v', title: t('stats.list.where'), render: (_, h) => <AreaPath names={h.areaPath} /> },
            { key: 'h', title: t('stats.list.head'), render: (_, h) => h.headName ?? '—' },
            { key: 'k', title: t('stats.list.hukou'), render: (_, h) => (h.hukou === 'urban' ? t('registry.hukou.urban') : h.hukou === 'rural' ? t('registry.hukou.rural') : h.hukou) },
            { key: 'p', title: t('stats.list.persons'), dataIndex: 'persons' },
            { key: 'i', title: t('stats.list.income'), render: (_, h) => yuan(h.perCapitaIncome) },
          ]} />}
          {d.cases.length > 0 && <Table rowKey="caseNo" size="small" dataSource={d.cases} columns={[
            { key: 'no', title: t('stats.list.caseNo'), render: (_, c) => <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> },
            { key: 'p', title: t('stats.list.programme'), render: (_, c) => programmes.name(c.programme) },
            { key: 'v', title: t('stats.list.where'), render: (_, c) => <AreaPath names={c.areaPath} /> },
            { key: 'a', title: t('stats.list.applicant'), dataIndex: 'applicantName' },
            { key: 's', title: t('stats.list.state'), render: (_, c) => programmes.state(c.programme, c.state) },
            { key: 'd', title: t('stats.list.due'), dataIndex: 'due' },
          ]} />}
          {d.referrals.length > 0 && <Table rowKey="id" size="small" dataSource={d.referrals} columns={[
            { key: 'no', title: t('stats.list.requestNo'), render: (_, r) => <Link to={`/intake/${r.requestNo}`}>{r.requestNo}</Link> },
            { key: 'p', title: t('stats.list.person'), dataIndex: 'personName' },
            { key: 'w', title: t('stats.list.where'), render: (_, r) => <AreaPath names={r.areaPath} /> },
            { key: 'd', title: t('stats.list.department'), render: (_, r) => deptLabel(t, r.department) },
            { key: 'due', title: t('stats.list.due'), dataIndex: 'due' },
          ]} />}
        </Space>
      )}
    </Card>
  );
}
