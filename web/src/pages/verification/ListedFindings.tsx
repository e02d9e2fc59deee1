import { Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/context.ts';
import type { ListedFinding } from './api.ts';
import { resolutionLabel, valueOf } from './FindingsTable.tsx';

/** Findings across cases (rescreen results, favouritism): each with its case, village and resolution. */
export function ListedFindings({ items, loading, testId, kin }: { items: ListedFinding[]; loading: boolean; testId: string; kin?: boolean }) {
  const t = useT();
  return (
    <Table<ListedFinding>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 50 }}
      locale={{ emptyText: t('common.noData') }}
      columns={[
        { key: 'case', title: t('verification.col.case'), render: (_, f) => <Link to={`/cases/${f.caseNo}`}>{f.caseNo}</Link> },
        { key: 'village', title: t('verification.col.village'), dataIndex: 'villageName' },
        { key: 'person', title: t('verification.col.person'), dataIndex: 'personName' },
        ...(kin
          ? [
            { key: 'official', title: t('verification.col.official'), render: (_: unknown, f: ListedFinding) => `${f.officialName ?? ''} ${f.detail ?? ''}` },
            { key: 'relation', title: t('verification.col.relation'), render: (_: unknown, f: ListedFinding) => f.relationLabel },
          ]
          : [
            { key: 'source', title: t('verification.col.source'), render: (_: unknown, f: ListedFinding) => `${f.sourceLabel} · ${f.itemLabel}` },
            { key: 'value', title: t('verification.col.value'), render: (_: unknown, f: ListedFinding) => valueOf(f) },
            { key: 'limit', title: t('verification.col.limit'), render: (_: unknown, f: ListedFinding) => <Tooltip title={f.limitNote}><Tag color={f.breaksLimit ? 'red' : 'green'}>{f.breaksLimit ? t('verification.breaks') : t('verification.within')}</Tag></Tooltip> },
          ]),
        { key: 'date', title: t('verification.col.date'), dataIndex: 'requestedOn' },
        { key: 'resolution', title: t('verification.col.resolution'), render: (_, f) => (f.resolution ? <Tag>{resolutionLabel(t, f.resolution)}</Tag> : null) },
      ]}
    />
  );
}
