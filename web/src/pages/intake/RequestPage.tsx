import { Badge, Card, Descriptions, Result, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT } from '../../i18n/context.ts';
import { fetchRequest, type Part, type RequestDetail } from './api.ts';
import { codeLabel, deptLabel, formatYuan, needLabel } from './format.ts';
import { AssessmentView } from './AssessmentView.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { IntakeNav } from './IntakeNav.tsx';
import { PendingPartActions } from './PendingPartActions.tsx';

/** 受理件: the person, the needs assessment and the status of every part; 办结 when all are closed. */
export default function RequestPage() {
  const { requestNo = '' } = useParams();
  const t = useT();
  const programmes = useProgrammes();
  const data = useApiData(() => fetchRequest(requestNo), [requestNo]);
  const r = data.data;
  if (data.error) {
    const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/intake">{t('intake.back')}</Link>} />;
  }
  if (!r) return <Spin style={{ display: 'block', padding: 48 }} />;
  return (
    <>
      <IntakeNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="request-page">
        <Card
          title={
            <Space>
              {t('intake.request.title', { no: r.requestNo })}
              {r.completed ? (
                <Tag color="green" data-testid="request-completed">{t('intake.completedOn', { date: r.completedOn ?? '' })}</Tag>
              ) : (
                <Tag color="blue" data-testid="request-open">{t('intake.inProgress')}</Tag>
              )}
            </Space>
          }
          extra={<Link to="/intake">{t('intake.back')}</Link>}
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="request-facts">
            <Descriptions.Item label={t('intake.col.receivedOn')}>{r.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.channel')}>{codeLabel(t, 'intake.channel', r.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.window')}>{r.windowAreaName}</Descriptions.Item>
            <Descriptions.Item label={t('intake.col.person')}>{r.personName}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.idNumber')}>{r.personIdNumber}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.phone')}>{r.personPhone || t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.form.household')}>
              {r.householdNo ? <Link to={`/households/${r.householdNo}`}>{r.householdNo}</Link> : t('intake.form.unregistered')}
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.col.needs')} span={2}>
              {r.needs.map((n) => <Tag key={n}>{needLabel(t, programmes, n)}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('intake.form.description')} span={3}>{r.description || t('intake.dash')}</Descriptions.Item>
            <Descriptions.Item label={t('intake.request.createdBy')}>{r.createdBy}</Descriptions.Item>
          </Descriptions>
        </Card>
        <DocumentsCard requestNo={r.requestNo} />
        <Card title={t('intake.form.assessment')}>
          <AssessmentView assessment={r.assessment} />
        </Card>
        <Card title={t('intake.form.parts')}>
          <Steps
            size="small"
            style={{ marginBottom: 16 }}
            items={r.parts.map((p) => ({
              title: deptLabel(t, p.department),
              description: needLabel(t, programmes, p.need, p.needLabel),
              status: p.closed ? 'finish' : p.overdue ? 'error' : 'process',
            }))}
          />
          <PartsTable parts={r.parts} requestNo={r.requestNo} reload={data.reload} />
        </Card>
      </Space>
    </>
  );
}

function PartsTable({ parts, requestNo, reload }: { parts: Part[]; requestNo: string; reload: () => void }) {
  const t = useT();
  const programmes = useProgrammes();
  return (
    <Table<Part>
      data-testid="request-parts"
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={parts}
      columns={[
        { key: 'seq', title: t('intake.col.seq'), dataIndex: 'seq', width: 56 },
        { key: 'dept', title: t('intake.col.department'), render: (_, p) => deptLabel(t, p.department) },
        { key: 'need', title: t('intake.col.need'), render: (_, p) => needLabel(t, programmes, p.need, p.needLabel) },
        {
          key: 'status',
          title: t('intake.col.status'),
          render: (_, p) => (
            <Space size={4} wrap>
              <Tag color={p.closed ? 'green' : 'blue'} data-testid={`part-status-${p.seq}`}>{codeLabel(t, 'intake.partStatus', p.status)}</Tag>
              {p.caseState && <Typography.Text type="secondary">{programmes.state(p.kind === 'referral' ? undefined : p.need, p.caseState)}</Typography.Text>}
            </Space>
          ),
        },
        { key: 'due', title: t('intake.col.dueDate'), render: (_, p) => p.dueDate ?? t('intake.dash') },
        { key: 'closedOn', title: t('intake.col.closedOn'), render: (_, p) => p.closedOn ?? t('intake.dash') },
        {
          key: 'onTime',
          title: t('intake.col.timeliness'),
          render: (_, p) =>
            p.overdue ? (
              <Tag color="red">{t('intake.overdueDays', { days: p.workingDaysOverdue })}</Tag>
            ) : p.closed ? (
              <Tag color={p.closedOnTime ? 'green' : 'orange'}>{t(p.closedOnTime ? 'intake.onTime' : 'intake.late')}</Tag>
            ) : (
              t('intake.dash')
            ),
        },
        {
          key: 'link',
          title: t('intake.col.link'),
          render: (_, p) =>
            p.caseNo ? <Link to={`/cases/${p.caseNo}`}>{p.caseNo}</Link> : p.kind === 'pending_case' ? <PendingPartActions requestNo={requestNo} part={p} onDone={reload} /> : p.kind === 'referral' ? <Link to={`/intake/referrals/${p.id}`}>{t('intake.referral.open', { id: p.id })}</Link> : t('intake.dash'),
        },
        { key: 'outcome', title: t('intake.col.outcome'), render: (_, p) => (p.outcome ? `${codeLabel(t, 'intake.outcome', p.outcome, p.outcomeLabel)}${p.result ? t('intake.resultSuffix', { result: p.result }) : ''}` : t('intake.dash')) },
      ]}
    />
  );
}
