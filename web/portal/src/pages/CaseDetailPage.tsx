import { Card, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { MyCaseDetail } from '../api/types.ts';
import { useLoad } from '../api/useLoad.ts';
import { LoadState } from '../components/LoadState.tsx';
import { PhaseTag } from '../components/PhaseTag.tsx';
import { useT } from '../i18n/context.ts';

/** One application: its steps so far, the next step and its deadline, and the decisions. */
export default function CaseDetailPage() {
  const t = useT();
  const { caseNo = '' } = useParams();
  const loaded = useLoad<MyCaseDetail>(`/cases/${encodeURIComponent(caseNo)}`);
  return (
    <>
      <Link to="/cases" style={{ display: 'inline-block', padding: '8px 0', minHeight: 44, boxSizing: 'border-box' }}>{t('cases.back')}</Link>
      <LoadState loaded={loaded}>
        {(c) => (
          <Card title={<span style={{ whiteSpace: 'normal' }}>{c.programme}</span>} extra={<PhaseTag phase={c.phase} state={c.state} />}>
            <Typography.Paragraph>{t('cases.appliedOn', { date: c.appliedOn })} · {t('cases.applicant', { name: c.applicantName })}</Typography.Paragraph>
            {c.nextStep && (
              <Typography.Paragraph strong>
                {t('cases.nextStep', { step: c.nextStep.label })}
                {c.nextStep.deadline && <><br />{t('cases.deadline', { date: c.nextStep.deadline })}</>}
              </Typography.Paragraph>
            )}
            <Typography.Title level={4}>{t('cases.steps')}</Typography.Title>
            <Timeline items={c.steps.map((s) => ({ children: <>{s.date} {s.label}<br /><Typography.Text type="secondary">{s.stateLabel}</Typography.Text></> }))} />
            {c.decisions.length > 0 && (
              <>
                <Typography.Title level={4}>{t('cases.decisions')}</Typography.Title>
                {c.decisions.map((d, i) => (
                  <Typography.Paragraph key={i}>
                    {d.amountYuan !== null ? t('cases.decision', { label: d.label, amount: d.amountYuan, month: d.effectiveMonth ?? d.decidedOn }) : t('cases.decisionNoAmount', { label: d.label, date: d.decidedOn })}
                    {d.reason && <><br /><Typography.Text type="secondary">{t('cases.reason', { reason: d.reason })}</Typography.Text></>}
                  </Typography.Paragraph>
                ))}
              </>
            )}
          </Card>
        )}
      </LoadState>
    </>
  );
}
