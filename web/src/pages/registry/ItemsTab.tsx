import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { AssetItem, IncomeItem } from './api.ts';
import { ASSET_KINDS, isOneOf } from './codes.ts';
import { codeLabel } from './format.ts';
import { formatYuan } from './money.ts';
import type { HouseholdTabContext } from './tabs.tsx';

type Row = (IncomeItem | AssetItem) & { index: number };

/** 收入 or 财产 of the household: whose, what kind, how much (shown in yuan). */
export function ItemsTab({ ctx, list }: { ctx: HouseholdTabContext; list: 'incomes' | 'assets' }) {
  const t = useT();
  const { detail, requestEdit } = ctx;
  const income = list === 'incomes';
  const names = new Map(detail.members.map((m) => [m.idNumber, m.name]));
  const rows: Row[] = (income ? detail.incomes : detail.assets).map((item, index) => ({ ...item, index }));
  const owner = (id: string | null) => (id === null ? t('registry.member.wholeHousehold') : t('registry.fmt.paren', { text: names.get(id) ?? '', note: id }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {requestEdit && (
        <Button icon={<EditOutlined />} data-testid={`${list}-edit`} onClick={() => requestEdit({ kind: list })}>
          {t(income ? 'registry.incomes.edit' : 'registry.assets.edit')}
        </Button>
      )}
      <Table<Row>
        data-testid={`${list}-table`}
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { title: t('registry.field.memberIdNumber'), dataIndex: 'memberIdNumber', render: (id: string | null) => owner(id) },
          {
            title: t(income ? 'registry.field.incomeKind' : 'registry.field.assetKind'),
            dataIndex: 'kind',
            render: (k: string) => (income ? codeLabel(t, 'kind', k) : isOneOf(ASSET_KINDS, k) ? t(`registry.assetKind.${k}`) : k),
          },
          {
            title: t(income ? 'registry.field.amountFen' : 'registry.field.valueFen'),
            key: 'amount',
            align: 'right',
            render: (_: unknown, r: Row) => formatYuan('amountFen' in r ? r.amountFen : r.valueFen),
          },
          ...(income
            ? [
                { title: t('registry.field.period'), dataIndex: 'period', render: (p: string) => codeLabel(t, 'period', p) },
                { title: t('registry.field.source'), dataIndex: 'source' },
              ]
            : [{ title: t('registry.field.note'), dataIndex: 'note', render: (n: string) => n || '—' }]),
        ]}
      />
    </Space>
  );
}
