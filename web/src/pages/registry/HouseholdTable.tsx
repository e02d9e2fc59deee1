import { Table, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/context.ts';
import type { HouseholdHit, HouseholdPage } from './api.ts';
import { categoryLabel, hukouLabel } from './format.ts';

export interface HouseholdTableProps {
  data: HouseholdPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** One page of households from the server; a row opens the household. */
export function HouseholdTable({ data, loading, page, pageSize, onPage }: HouseholdTableProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Table<HouseholdHit>
      data-testid="household-table"
      rowKey="householdNo"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('common.noData') }}
      onRow={(row) => ({ onClick: () => navigate(`/households/${row.householdNo}`), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => (data?.totalCapped ? t('registry.list.totalCapped', { total: total.toLocaleString('zh-CN') }) : t('registry.list.total', { total })),
        onChange: onPage,
      }}
      columns={[
        { title: t('registry.field.householdNo'), dataIndex: 'householdNo' },
        { title: t('registry.field.headName'), dataIndex: 'headName', render: (n: string | null) => n ?? '—' },
        { title: t('registry.field.headIdNumber'), dataIndex: 'headIdNumber', render: (n: string | null) => n ?? '—' },
        { title: t('registry.field.villageCode'), dataIndex: 'villageName' },
        { title: t('registry.field.hukou'), dataIndex: 'hukou', render: (h: string) => hukouLabel(t, h) },
        { title: t('registry.field.size'), dataIndex: 'size', align: 'right' },
        {
          title: t('registry.field.categories'),
          dataIndex: 'categories',
          render: (_: unknown, row: HouseholdHit) => (
            <>
              {row.povertyFile && <Tag color="red">{categoryLabel(t, 'poverty_file')}</Tag>}
              {row.categories.map((c) => (
                <Tag key={c}>{categoryLabel(t, c)}</Tag>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}
