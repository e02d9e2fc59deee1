import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MyCase } from '../api/types.ts';
import { useLoad } from '../api/useLoad.ts';
import { LoadState } from '../components/LoadState.tsx';
import { PhaseTag } from '../components/PhaseTag.tsx';
import { useT } from '../i18n/context.ts';

/** 我的申请: each case of the citizen's households with its state, next step and deadline, and latest decision. */
export default function CasesPage() {
  const t = useT();
  const loaded = useLoad<{ items: MyCase[] }>('/cases');
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('cases.title')}</Typography.Title>
      <LoadState loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? <Empty description={t('cases.empty')} /> : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="cases-list">
              {items.map((c) => (
                <Card key={c.caseNo} size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.programme}</span>} extra={<PhaseTag phase={c.phase} state={c.state} />}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{t('cases.appliedOn', { date: c.appliedOn })} · {t('cases.applicant', { name: c.applicantName })}</Typography.Paragraph>
                  {c.nextStep && (
                    <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                      {t('cases.nextStep', { step: c.nextStep.label })}
                      {c.nextStep.deadline && <><br />{t('cases.deadline', { date: c.nextStep.deadline })}</>}
                    </Typography.Paragraph>
                  )}
                  {c.decision && (
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      {c.decision.amountYuan !== null
                        ? t('cases.decision', { label: c.decision.label, amount: c.decision.amountYuan, month: c.decision.effectiveMonth ?? c.decision.decidedOn })
                        : t('cases.decisionNoAmount', { label: c.decision.label, date: c.decision.decidedOn })}
                    </Typography.Paragraph>
                  )}
                  <Link to={`/cases/${c.caseNo}`} style={{ display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' }}>{t('cases.detail')}</Link>
                </Card>
              ))}
            </Space>
          )
        }
      </LoadState>
    </>
  );
}
