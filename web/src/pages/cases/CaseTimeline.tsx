import { Space, Timeline, Typography } from 'antd';
import { useLocale, useT } from '../../i18n/context.ts';
import type { Translate } from '../../i18n/context.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import type { TimelineItem } from './api.ts';
import { fetchInstitutions } from './batchApi.ts';
import { byFieldOrder, codeLabel, roleLabel, valueText } from './format.ts';
import { openingFields, openingLines } from './opening.ts';
import type { FieldSpec } from './schema.ts';

// The demo data's marks (demo, programme) are for the system, not for staff.
const HIDDEN = new Set(['attachments', 'method', 'demo', 'programme']);
const VOTES = ['participants', 'representativesPresent', 'votesFor', 'votesAgainst'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The recorded data of a step as "label: value" lines; a community review's votes on one line; the opening answers one a line. */
function dataLines(t: Translate, data: Record<string, unknown>, homes: Map<number, string>, opening: readonly FieldSpec[]): { key: string; text: string }[] {
  const lines: { key: string; text: string }[] = [];
  const votes = VOTES.every((k) => typeof data[k] === 'number')
    ? t('cases.timeline.votes', {
        participants: Number(data['participants']),
        present: Number(data['representativesPresent']),
        for: Number(data['votesFor']),
        against: Number(data['votesAgainst']),
      })
    : null;
  for (const [k, v] of byFieldOrder(Object.entries(data))) {
    // The votes on one line, where the participants come in the field order.
    if (k === 'participants' && votes) lines.push({ key: 'votes', text: t('cases.labelled', { label: t('cases.field.votes'), value: votes }) });
    if (HIDDEN.has(k) || (votes && VOTES.includes(k))) continue;
    if (v === '' || v === null || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'details' && isRecord(v)) {
      lines.push(...openingLines(t, v, opening));
      continue;
    }
    const value = k === 'institutionId' && typeof v === 'number' ? (homes.get(v) ?? String(v)) : valueText(t, k, v);
    lines.push({ key: k, text: t('cases.labelled', { label: codeLabel(t, 'field', k), value }) });
  }
  return lines;
}

function Entry({ programme, item, time, homes }: { programme: string; item: TimelineItem; time: Intl.DateTimeFormat; homes: Map<number, string> }) {
  const t = useT();
  const programmes = useProgrammes();
  const opening = openingFields(programmes.find(programme));
  const from = item.fromState ? programmes.state(programme, item.fromState) : null;
  const to = programmes.state(programme, item.toState);
  return (
    <Space direction="vertical" size={2} data-testid="case-timeline-entry" data-action={item.action}>
      <Space wrap>
        <Typography.Text strong>{item.label}</Typography.Text>
        <Typography.Text>{item.date}</Typography.Text>
        <Typography.Text type="secondary">{t('cases.timeline.by', { actor: item.actorDisplayName ?? t('audit.system'), role: roleLabel(t, item.actorRole) })}</Typography.Text>
        <Typography.Text type="secondary">{from && from !== to ? t('cases.timeline.state', { from, to }) : to}</Typography.Text>
        <Typography.Text type="secondary">{time.format(new Date(item.at))}</Typography.Text>
      </Space>
      {item.reason && <Typography.Text>{t('cases.timeline.reason', { reason: item.reason })}</Typography.Text>}
      {/* Until the programmes are read, their opening answers would show by their keys: show them once named. */}
      {programmes.loaded && dataLines(t, item.data, homes, opening).map((line) => (
        <Typography.Text key={line.key} data-testid="case-timeline-data">
          {line.text}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 办理记录: every step in order, who (and in which role) did it when, why, and what was recorded. */
export function CaseTimeline({ programme, items }: { programme: string; items: TimelineItem[] }) {
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  // A step that places someone in a nursing home names it by id: show the name.
  const needHomes = items.some((i) => typeof i.data['institutionId'] === 'number');
  const homes = useApiData(() => (needHomes ? fetchInstitutions() : Promise.resolve([])), [needHomes]);
  const names = new Map((homes.data ?? []).map((h) => [h.id, h.name]));
  return <Timeline data-testid="case-timeline" items={items.map((item) => ({ key: String(item.seq), children: <Entry programme={programme} item={item} time={time} homes={names} /> }))} />;
}
