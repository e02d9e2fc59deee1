import { FileWordOutlined } from '@ant-design/icons';
import { Button, Collapse, Descriptions, Empty, Space, Typography } from 'antd';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useT, type Translate } from '../../i18n/context.ts';
import { decisionDocxUrl, type Decision, type ExplanationStep } from './api.ts';
import { codeLabel, yuan } from './format.ts';
import { WorksheetTable } from '../policy/WorksheetTable.tsx';

/** A computed value; amounts in fen are shown in yuan. */
function valueOf(t: Translate, value: unknown, unit: string | null | undefined): string {
  if (typeof value === 'number' && unit?.startsWith('fen')) return t('cases.decisions.yuan', { amount: yuan(value) });
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return unit ? `${String(value)} ${unit}` : String(value);
}

/** "dibao_benefit.total = 690.00 元 ← procedure…(495.00 元)" */
function stepText(t: Translate, s: ExplanationStep): string {
  const params = (s.parameters ?? []).map((p) => `${p.name} = ${valueOf(t, p.value, p.unit)}`);
  return `${s.name} = ${valueOf(t, s.value, s.unit)}${params.length ? `  ← ${params.join(t('cases.list'))}` : ''}`;
}

/** `oneOff`: the programme pays once per decision (a claim), not every month. */
function DecisionView({ d, oneOff }: { d: Decision; oneOff: boolean }) {
  const t = useT();
  const dash = (v: string | null) => v ?? t('cases.dash');
  const steps = d.explanation?.steps ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-decision">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'kind', label: t('cases.decisions.kind'), children: codeLabel(t, 'decision', d.kind) },
          { key: 'decidedOn', label: t('cases.decisions.decidedOn'), children: d.decidedOn },
          {
            key: 'amount',
            label: t(oneOff ? 'cases.decisions.amountOnce' : 'cases.decisions.amount'),
            children: <span data-testid="case-decision-amount">{d.amountFen === null ? t('cases.dash') : t('cases.decisions.yuan', { amount: yuan(d.amountFen) })}</span>,
          },
          { key: 'from', label: t(oneOff ? 'cases.decisions.paidIn' : 'cases.decisions.from'), children: dash(d.effectiveMonth) },
          ...(oneOff ? [] : [{ key: 'until', label: t('cases.decisions.until'), children: dash(d.endMonth) }]),
          { key: 'notifyBy', label: t('cases.decisions.notifyBy'), children: dash(d.notifyBy) },
          ...(d.reason ? [{ key: 'reason', label: t('cases.decisions.reason'), children: d.reason }] : []),
        ]}
      />
      {d.worksheet.length > 0 && (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{t('cases.decisions.worksheet')}</Typography.Text>
          <WorksheetTable lines={d.worksheet} testId="case-decision-worksheet" />
        </Space>
      )}
      {steps.length > 0 && (
        <Collapse
          size="small"
          data-testid="case-decision-technical"
          items={[
            {
              key: 'explanation',
              label: t('cases.decisions.technical'),
              children: (
                <Space direction="vertical" size={0}>
                  {d.explanation?.formula && <Typography.Text code>{d.explanation.formula}</Typography.Text>}
                  {steps.map((s, i) => (
                    <Typography.Text key={`${s.name}-${i}`} code>
                      {stepText(t, s)}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** 决定: the frozen decisions, newest first, with the notice to download. */
export function CaseDecisions({ caseNo, programme, decisions }: { caseNo: string; programme: string; decisions: Decision[] }) {
  const t = useT();
  const oneOff = useProgrammes().find(programme)?.schedule === 'one_off';
  if (decisions.length === 0) return <Empty description={t('cases.decisions.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button icon={<FileWordOutlined />} href={decisionDocxUrl(caseNo)} data-testid="case-decision-docx">
        {t('cases.decisions.docx')}
      </Button>
      {[...decisions].reverse().map((d, i) => (
        <DecisionView key={`${d.kind}-${d.decidedOn}-${i}`} d={d} oneOff={oneOff} />
      ))}
    </Space>
  );
}
