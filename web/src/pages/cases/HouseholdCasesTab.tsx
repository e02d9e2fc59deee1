import { Alert, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchHouseholdCases, type HouseholdCase } from './api.ts';
import { codeLabel, yuan } from './format.ts';

/** 救助案件 on the household page: every case of the household with the decision in force. */
export function HouseholdCasesTab({ householdNo, version }: { householdNo: string; version: number }) {
  const me = useCurrentUser();
  return can(me, 'cases.read') ? <Cases householdNo={householdNo} version={version} /> : null;
}

function Cases({ householdNo, version }: { householdNo: string; version: number }) {
  const t = useT();
  const programmes = useProgrammes();
  const data = useApiData(() => fetchHouseholdCases(householdNo), [householdNo, version]);
  if (data.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />;
  return (
    <Table<HouseholdCase> size="small" rowKey="caseNo" loading={data.loading} dataSource={data.data?.items ?? []} pagination={false} locale={{ emptyText: t('cases.household.none') }} data-testid="household-cases"
      columns={[
        { key: 'caseNo', title: t('cases.col.caseNo'), render: (_, c) => <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> },
        { key: 'programme', title: t('cases.col.programme'), render: (_, c) => programmes.name(c.programme, c.programmeLabel) },
        { key: 'applicant', title: t('cases.col.applicant'), dataIndex: 'applicantName' },
        { key: 'appliedOn', title: t('cases.household.appliedOn'), dataIndex: 'appliedOn' },
        { key: 'state', title: t('cases.col.state'), render: (_, c) => <>{c.stateLabel}{c.flags.map((f) => <Tag key={f} color="orange" style={{ marginLeft: 4 }}>{codeLabel(t, 'flag', f)}</Tag>)}</> },
        {
          key: 'decision', title: t('cases.household.decision'),
          render: (_, c) => (c.decision ? t('cases.household.decisionText', { kind: codeLabel(t, 'decision', c.decision.kind), on: c.decision.decidedOn, month: c.decision.effectiveMonth ?? t('cases.dash') }) : t('cases.dash')),
        },
        { key: 'amount', title: t('cases.household.amount'), align: 'right', render: (_, c) => (c.decision?.amountFen != null ? yuan(c.decision.amountFen) : t('cases.dash')) },
        { key: 'reviewDue', title: t('cases.household.reviewDue'), render: (_, c) => c.reviewDue ?? t('cases.dash') },
      ]} />
  );
}
