import { Alert, Empty, Space, Spin, Timeline, Typography } from 'antd';
import { useApiData } from '../../api/useApiData.ts';
import { useLocale, useT } from '../../i18n/context.ts';
import { fetchTimeline, type TimelineEntry } from './api.ts';
import { actionLabel, describeChange } from './timelineDiff.ts';
import type { HouseholdTabContext } from './tabs.tsx';

function Entry({ entry, nameOf, time }: { entry: TimelineEntry; nameOf: (id: string) => string | undefined; time: Intl.DateTimeFormat }) {
  const t = useT();
  const lines = describeChange(t, entry.action, entry.before, entry.after, nameOf);
  const subject = entry.subject ? `${nameOf(entry.subject) ?? ''} ${entry.subject}`.trim() : null;
  return (
    <Space direction="vertical" size={2} data-testid="timeline-entry">
      <Space wrap>
        <Typography.Text strong>{actionLabel(t, entry.action)}</Typography.Text>
        <Typography.Text type="secondary">{time.format(new Date(entry.at))}</Typography.Text>
        <Typography.Text type="secondary">{t('registry.timeline.by', { actor: entry.actorDisplayName ?? t('audit.system') })}</Typography.Text>
        {subject && <Typography.Text>{t('registry.timeline.subject', { subject })}</Typography.Text>}
      </Space>
      {lines.length === 0 && <Typography.Text type="secondary">{t('registry.timeline.noChange')}</Typography.Text>}
      {lines.map((line) => (
        <Typography.Text key={line.label} data-testid="timeline-change">
          {t('registry.fmt.labelled', { label: line.label, value: '' })}
          {line.before !== '' && (
            <>
              <Typography.Text delete={line.before !== '—'} type="secondary">{line.before}</Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text mark={line.before !== ''}>{line.after}</Typography.Text>
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 变更记录: every change of the household, newest first, with a readable before → after. */
export function TimelineTab({ ctx }: { ctx: HouseholdTabContext }) {
  const t = useT();
  const [locale] = useLocale();
  const { householdNo, unmasked, version, detail } = ctx;
  const entries = useApiData(() => fetchTimeline(householdNo, unmasked), [householdNo, unmasked, version]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const names = new Map(detail.members.map((m) => [m.idNumber, m.name]));
  const nameOf = (id: string) => names.get(id);

  if (entries.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: entries.error.message })} />;
  if (entries.loading && !entries.data) return <Spin />;
  if (!entries.data || entries.data.length === 0) return <Empty description={t('common.noData')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={entries.data.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        children: <Entry entry={entry} nameOf={nameOf} time={time} />,
      }))}
    />
  );
}
