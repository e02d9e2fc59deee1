import { Table } from 'antd';
import type { AuditEntry } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/context.ts';

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

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
        { title: t('audit.col.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? t('audit.system') },
        { title: t('audit.col.action'), dataIndex: 'action' },
        {
          title: t('audit.col.entity'),
          dataIndex: 'entity',
          render: (_: unknown, e: AuditEntry) => (e.entityId ? `${e.entity} #${e.entityId}` : e.entity),
        },
        { title: t('audit.col.area'), dataIndex: 'areaCode', render: (c: string | null) => c ?? '—' },
      ]}
    />
  );
}
