import { Alert, Card, Collapse, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { MonthInput } from '../../components/DateInput.tsx';
import { useT, type Translate } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { fetchExplanation, type Explained, type Explanation as ExplanationData, type ParameterRead, type Step } from './api.ts';
import { formatUnitValue } from './format.ts';
import { POLICY_KEYS } from './messages.ts';
import { WorksheetTable } from './WorksheetTable.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function thisMonth(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
}

/** A step's label: the dictionary entry of its name with member ids as `*`, else the raw name. */
function stepLabel(t: Translate, name: string, members: Map<string, string>): string {
  const parts = name.split('.');
  const member = parts.find((p) => members.has(p));
  const key = `policy.step.${parts.map((p) => (members.has(p) ? '*' : p)).join('.')}`;
  if (POLICY_KEYS.has(key)) return t(key as MessageKey, { member: member ? (members.get(member) ?? member) : '' });
  return member ? name.replace(member, members.get(member) ?? member) : name;
}

const CATEGORIES = new Set(['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent']);

/** A code inside a step's value: a member's (masked) name, a category or a failed property limit. */
function codeLabel(t: Translate, code: string, members: Map<string, string>): string {
  if (members.has(code)) return members.get(code) ?? code;
  if (CATEGORIES.has(code)) return t(`registry.category.${code}` as MessageKey);
  if (POLICY_KEYS.has(`policy.failure.${code}`)) return t(`policy.failure.${code}` as MessageKey);
  return code;
}

function ParameterLine({ p }: { p: ParameterRead }) {
  const t = useT();
  return (
    <div data-testid="explain-parameter">
      <Typography.Text code>{p.name}</Typography.Text> = {formatUnitValue(p.value, p.unit)}
      {' · '}
      {p.area === 'CN' ? t('policy.area.national') : p.area}
      {' · '}
      {p.effective}
      {p.ruleSet ? ` · ${p.ruleSet}` : ''}
      <br />
      <Typography.Text type="secondary">{p.reference}</Typography.Text>
    </div>
  );
}

function StepList({ steps, members }: { steps: Step[]; members: Map<string, string> }) {
  const t = useT();
  return (
    <Steps
      direction="vertical"
      size="small"
      current={steps.length}
      items={steps.map((s) => {
        const value = Array.isArray(s.value) ? s.value.map((v) => codeLabel(t, String(v), members)) : s.value;
        return {
          title: stepLabel(t, s.name, members),
          subTitle: formatUnitValue(value, s.unit) + (s.unit?.startsWith('fen') ? ` ${t('policy.explain.yuanUnit')}` : ''),
          description: s.parameters.length > 0 ? (
            <Space direction="vertical" size={2}>
              <Typography.Text type="secondary">{t('policy.explain.parameters')}</Typography.Text>
              {s.parameters.map((p, i) => <ParameterLine key={`${p.name}-${i}`} p={p} />)}
            </Space>
          ) : undefined,
        };
      })}
    />
  );
}

function summary(t: Translate, kind: 'dibao' | 'near' | 'single', e: Explained): { text: string; good: boolean } {
  const v = e.value;
  const yuan = (fen: unknown) => (Number(fen) / 100).toFixed(2);
  if (kind === 'dibao') {
    return v['eligible'] ? { text: `${t('policy.explain.eligible')} · ${t('policy.explain.total', { amount: yuan(v['total']) })}`, good: true } : { text: t('policy.explain.notEligible'), good: false };
  }
  if (kind === 'near') return v['nearDibao'] ? { text: t('policy.explain.near'), good: true } : { text: t('policy.explain.notNear'), good: false };
  if (!v['available']) return { text: t('policy.explain.singleUnavailable'), good: false };
  return { text: t('policy.explain.singleTotal', { amount: yuan(v['total']) }), good: Number(v['total']) > 0 };
}

/** The benefit of one household for a month, step by step, with the parameters each step read. */
export function Explanation({ householdNo, initialMonth }: { householdNo: string; initialMonth?: string }) {
  const t = useT();
  const [month, setMonth] = useState(initialMonth ?? thisMonth());
  const valid = MONTH.test(month);
  const data = useApiData<ExplanationData | undefined>(() => (valid ? fetchExplanation(householdNo, month) : Promise.resolve(undefined)), [householdNo, month, valid]);
  const members = new Map((data.data?.members ?? []).map((m) => [m.id, m.name]));
  const sections = data.data
    ? ([
        ['dibao', 'policy.explain.dibaoBenefit', data.data.dibaoBenefit],
        ['near', 'policy.explain.nearDibao', data.data.nearDibao],
        ['single', 'policy.explain.singlePerson', data.data.singlePersonDibao],
      ] as const)
    : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="policy-explanation">
      <Space>
        <span>{t('policy.explain.month')}</span>
        <MonthInput data-testid="explain-month" aria-label={t('policy.explain.month')} style={{ width: 140 }} value={month} onChange={(m) => m && setMonth(m)} />
      </Space>
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      {data.loading && <Spin />}
      {sections.map(([kind, title, e]) => {
        const s = summary(t, kind, e);
        return (
          <Card key={kind} size="small" title={t(title)} extra={<Tag color={s.good ? 'green' : 'default'} data-testid={`explain-${kind}`}>{s.text}</Tag>}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {kind === 'dibao' && data.data && <WorksheetTable lines={data.data.worksheet} testId="explain-worksheet" />}
              <Collapse
                size="small"
                data-testid={`explain-technical-${kind}`}
                items={[{ key: 'technical', label: t('policy.explain.technical'), children: <StepList steps={e.steps} members={members} /> }]}
              />
            </Space>
          </Card>
        );
      })}
    </Space>
  );
}
