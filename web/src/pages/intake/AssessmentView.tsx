import { Badge, Descriptions, Tag } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { Assessment } from './api.ts';
import { codeLabel, formatYuan } from './format.ts';

/** The needs assessment the window recorded (the request's page, and the partner's referral page). */
export function AssessmentView({ assessment: a, testId = 'request-assessment' }: { assessment: Assessment; testId?: string }) {
  const t = useT();
  const yesNo = (v: boolean | undefined) => t(v ? 'intake.yes' : 'intake.no');
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid={testId}>
      <Descriptions.Item label={t('intake.assessment.householdSize')}>{a.householdSize}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.dependents')}>{a.dependents ?? 0}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.workCapacity')}>{codeLabel(t, 'intake.workCapacity', a.workCapacity)}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.seriousIllness')}>{yesNo(a.seriousIllness)}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.disability')}>{yesNo(a.disability)}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.urgent')}>{a.urgent ? <Badge status="error" text={t('intake.yes')} /> : t('intake.no')}</Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.rigidExpenses')} span={3}>
        {(a.rigidExpenses ?? []).length === 0
          ? t('intake.dash')
          : (a.rigidExpenses ?? []).map((e, i) => (
              <Tag key={i}>{t('intake.expenseItem', { kind: codeLabel(t, 'intake.expense', e.kind), amount: formatYuan(e.amountFen), note: e.note ?? '' })}</Tag>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('intake.assessment.note')} span={3}>{a.note || t('intake.dash')}</Descriptions.Item>
    </Descriptions>
  );
}
