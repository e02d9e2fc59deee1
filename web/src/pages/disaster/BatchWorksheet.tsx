import { Card, Table } from 'antd';
import type { BatchDetail } from '../../../../src/modules/disaster/contract.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { codeLabel } from '../cases/format.ts';
import { formatYuan } from '../registry/money.ts';

type Group = BatchDetail['basis'][number];
type StepRow = Group['steps'][number];

/** Each step's value as staff read it: money in 元, days, dates, the rule set and lists of household types in words. */
function shown(s: StepRow, t: ReturnType<typeof useT>): string {
  if (s.name === 'rule_set') return codeLabel(t, 'ruleSet', String(s.value));
  if (typeof s.value === 'number' && s.unit?.startsWith('fen')) return `${formatYuan(s.value)} 元`;
  if (typeof s.value === 'number' && s.unit === 'days') return `${s.value} 天`;
  if (Array.isArray(s.value)) return s.value.map((v) => t(`batch.householdType.${String(v)}` as MessageKey)).join('、');
  return String(s.value);
}

/** A parameter's document; a demo value says so in words, not with the file's English note. */
function reference(text: string, t: ReturnType<typeof useT>): string {
  return text.replace(/demo default, not from a source\s*[—–-]?\s*/i, `${t('batch.worksheet.demo')} `).trim();
}

/** 测算依据: the parameters the batch's amounts were computed with, with their documents, per group of villages. */
export function BatchWorksheet({ basis }: { basis: BatchDetail['basis'] }) {
  const t = useT();
  return (
    <Card size="small" title={t('batch.worksheet')} data-testid="batch-worksheet">
      {basis.map((g, i) => (
        <Table<StepRow> key={i} size="small" rowKey="name" pagination={false} title={() => t('batch.worksheet.areas', { n: String(g.areas.length) })} dataSource={g.steps} columns={[
          { key: 'item', title: t('batch.worksheet.item'), render: (_, s) => t(`batch.item.${s.name}` as MessageKey) },
          { key: 'value', title: t('batch.worksheet.value'), render: (_, s) => shown(s, t) },
          { key: 'reference', title: t('batch.worksheet.reference'), render: (_, s) => s.parameters.map((p) => reference(String(p.reference ?? ''), t)).filter(Boolean).join('；') },
        ]} />
      ))}
    </Card>
  );
}
