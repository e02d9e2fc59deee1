import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT } from '../../i18n/context.ts';
import type { CaseDetail } from './api.ts';
import { codeLabel } from './format.ts';

/** The case's facts: programme, rule set, household, applicant, state, deadlines, flags, batch. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const t = useT();
  const programmes = useProgrammes();
  const dash = (v: string | null) => v ?? t('cases.dash');
  const sample = !c.batch ? null : !c.batch.drawn ? t('cases.sample.notDrawn') : c.batch.sampled ? t('cases.sample.in') : t('cases.sample.out');
  return (
    <Descriptions
      data-testid="case-facts"
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'programme', label: t('cases.fact.programme'), children: programmes.name(c.programme, c.programmeLabel) },
        { key: 'ruleSet', label: t('cases.fact.ruleSet'), children: <span title={c.definition}>{codeLabel(t, 'ruleSet', c.ruleSet)}</span> },
        { key: 'household', label: t('cases.fact.household'), children: <Link to={`/households/${c.householdNo}`}>{c.householdNo}</Link> },
        { key: 'applicant', label: t('cases.fact.applicant'), children: `${c.applicantName} ${c.applicantIdNumber}` },
        { key: 'state', label: t('cases.fact.state'), children: <Tag color="blue" data-testid="case-state">{c.stateLabel}</Tag> },
        { key: 'appliedOn', label: t('cases.fact.appliedOn'), children: c.appliedOn },
        { key: 'stateSince', label: t('cases.fact.stateSince'), children: c.stateSince },
        {
          key: 'due',
          label: t('cases.fact.dueDate'),
          children: <Typography.Text type={c.overdue ? 'danger' : undefined}>{dash(c.dueDate)}{c.overdue && ` · ${t('cases.overdue')}`}</Typography.Text>,
        },
        { key: 'finalDue', label: t('cases.fact.finalDueDate'), children: dash(c.finalDueDate) },
        { key: 'noticeEnd', label: t('cases.fact.noticeEnd'), children: dash(c.noticeEnd) },
        { key: 'reviewDue', label: t('cases.fact.reviewDue'), children: dash(c.reviewDue) },
        {
          key: 'flags',
          label: t('cases.fact.flags'),
          children: c.flags.length ? c.flags.map((f) => <Tag key={f} color="orange">{codeLabel(t, 'flag', f)}</Tag>) : t('cases.dash'),
        },
        {
          key: 'batch',
          label: t('cases.fact.batch'),
          children: c.batch ? (
            <span data-testid="case-batch">
              <Link to={`/cases/batches/${c.batch.batchNo}`}>{c.batch.batchNo}</Link> {sample && <Tag color={c.batch.sampled ? 'red' : undefined}>{sample}</Tag>}
            </span>
          ) : (
            t('cases.dash')
          ),
        },
      ]}
    />
  );
}
