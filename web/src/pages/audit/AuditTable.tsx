import { Table } from 'antd';
import type { AuditEntry } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { auditActionLabel, auditEntityLabel } from './labels.ts';

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const programmes = useProgrammes();
  const caseStep = (code: string) => programmes.action(undefined, code, '');

  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: t('common.noData') }}
      columns={[
        { title: t('audit.col.id'), dataIndex: 'id', width: 90 },
        { title: t('audit.col.at'), dataIndex: 'at', render: (at: string) => time.format(new Date(at)) },
        // Jobs and the CLI act under a technical name (system, demo): shown as 系统.
        { title: t('audit.col.actor'), dataIndex: 'actorDisplayName', render: (n: string | null) => n ?? t('audit.system') },
        { title: t('audit.col.action'), dataIndex: 'action', render: (a: string) => <span title={a}>{auditActionLabel(a, locale, caseStep)}</span> },
        {
          title: t('audit.col.entity'),
          dataIndex: 'entity',
          render: (_: unknown, e: AuditEntry) => (
            <span title={e.entity}>
              {auditEntityLabel(e.entity, locale)}
              {e.entityId && <> <span data-code>{e.entityId}</span></>}
            </span>
          ),
        },
        { title: t('audit.col.area'), dataIndex: 'areaName', render: (n: string | null, e: AuditEntry) => n ?? e.areaCode ?? '—' },
      ]}
    />
  );
}
