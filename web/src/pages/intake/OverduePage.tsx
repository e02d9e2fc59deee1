import { Alert, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { fetchOverdue, type OverdueList } from './api.ts';
import { deptLabel, needLabel } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';

type Item = OverdueList['items'][number];

/** 超期预警: open parts past their due date in the working area, with the working days overdue. */
export default function OverduePage() {
  const t = useT();
  const programmes = useProgrammes();
  const me = useCurrentUser();
  const { area } = useSelectedArea();
  const data = useApiData(() => fetchOverdue(area.code), [area.code]);
  return (
    <>
      <IntakeNav />
      <Card title={t('intake.overdue.title', { date: data.data?.asOf ?? '' })}>
        {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
        <Table<Item>
          data-testid="intake-overdue"
          rowKey="id"
          size="small"
          loading={data.loading}
          dataSource={data.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            { key: 'requestNo', title: t('intake.col.requestNo'), render: (_, p) => (can(me, 'intake.read') ? <Link to={`/intake/${p.requestNo}`}>{p.requestNo}</Link> : p.requestNo) },
            { key: 'person', title: t('intake.col.person'), dataIndex: 'personName' },
            { key: 'dept', title: t('intake.col.department'), render: (_, p) => deptLabel(t, p.department) },
            { key: 'need', title: t('intake.col.need'), render: (_, p) => needLabel(t, programmes, p.need, p.needLabel) },
            { key: 'due', title: t('intake.col.dueDate'), dataIndex: 'dueDate' },
            { key: 'late', title: t('intake.col.timeliness'), render: (_, p) => <Tag color="red">{t('intake.overdueDays', { days: p.workingDaysOverdue })}</Tag> },
            {
              key: 'link',
              title: t('intake.col.link'),
              render: (_, p) => (p.caseNo ? <Link to={`/cases/${p.caseNo}`}>{p.caseNo}</Link> : p.kind === 'pending_case' ? <Link to={`/intake/${p.requestNo}`}>{p.requestNo}</Link> : <Link to={`/intake/referrals/${p.id}`}>{t('intake.referral.open', { id: p.id })}</Link>),
            },
          ]}
        />
      </Card>
    </>
  );
}
