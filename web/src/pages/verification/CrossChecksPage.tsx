import { Alert, Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useT } from '../../i18n/context.ts';
import { fetchCrossChecks, type CrossChecks } from './api.ts';
import { VerificationNav } from './VerificationNav.tsx';

type Dup = CrossChecks['duplicateDibao'][number];
type Dead = CrossChecks['deadInPayment'][number];

/** 交叉比对: the same person in dibao in two places; a dead person still in payment. */
export default function CrossChecksPage() {
  const t = useT();
  const programmes = useProgrammes();
  const { area } = useSelectedArea();
  const data = useApiData(() => fetchCrossChecks(area.code), [area.code]);
  const caseLink = { key: 'case', title: t('verification.col.case'), render: (_: unknown, r: { caseNo: string }) => <Link to={`/cases/${r.caseNo}`}>{r.caseNo}</Link> };
  return (
    <>
      <VerificationNav />
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      <Card title={t('verification.cross.dead')} style={{ marginBottom: 16 }}>
        <Table<Dead> data-testid="dead-in-payment" rowKey={(r) => `${r.caseNo}/${r.idNumber}`} size="small" loading={data.loading} dataSource={data.data?.deadInPayment ?? []} pagination={false} locale={{ emptyText: t('common.noData') }}
          columns={[caseLink, { key: 'village', title: t('verification.col.village'), dataIndex: 'villageName' }, { key: 'person', title: t('verification.col.person'), dataIndex: 'name' }, { key: 'date', title: t('verification.col.date'), dataIndex: 'dateOfDeath' }, { key: 'state', title: t('verification.col.state'), render: (_, r) => programmes.state(programmes.ofCaseNo(r.caseNo)?.code, r.state) }]} />
      </Card>
      <Card title={t('verification.cross.duplicate')}>
        <Table<Dup> data-testid="duplicate-dibao" rowKey={(r) => `${r.caseNo}/${r.idNumber}`} size="small" loading={data.loading} dataSource={data.data?.duplicateDibao ?? []} pagination={false} locale={{ emptyText: t('common.noData') }}
          columns={[caseLink, { key: 'village', title: t('verification.col.village'), dataIndex: 'villageName' }, { key: 'person', title: t('verification.col.person'), dataIndex: 'name' }, { key: 'counties', title: t('verification.cross.counties'), render: (_, r) => r.counties.join('、') }]} />
      </Card>
    </>
  );
}
