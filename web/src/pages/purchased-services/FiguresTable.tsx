import { Table, Typography } from 'antd';
import type { PurchaseFigures } from '../../../../src/modules/purchased-services/contract.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The year's figures by county, then the tasks of the whole area by kind. */
export function FiguresTable({ f }: { f: PurchaseFigures }) {
  const t = useT();
  const rows = [...f.items, { countyCode: 'total', countyName: t('ps.fig.total'), ...f.total }];
  const num = (key: 'contracts' | 'tasksAssigned' | 'tasksDone' | 'tasksConfirmed' | 'tasksOverdue' | 'assistants', label: MessageKey) => ({ key, title: t(label), dataIndex: key, align: 'right' as const });
  return (
    <>
      <Typography.Text type="secondary">{f.areaName} {f.year}</Typography.Text>
      <Table size="small" rowKey="countyCode" dataSource={rows} pagination={false} scroll={{ x: true }} columns={[
        { key: 'c', title: t('ps.fig.county'), dataIndex: 'countyName' },
        num('contracts', 'ps.fig.contracts'),
        { key: 'a', title: t('ps.fig.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
        num('tasksAssigned', 'ps.fig.assigned'), num('tasksDone', 'ps.fig.done'), num('tasksConfirmed', 'ps.fig.confirmed'), num('tasksOverdue', 'ps.fig.overdue'),
        num('assistants', 'ps.fig.assistants'),
      ]} />
      <Table size="small" rowKey="kind" dataSource={f.total.byKind} pagination={false} columns={[
        { key: 'k', title: t('ps.col.taskKind'), render: (_, r) => t(`ps.taskKind.${r.kind}` as MessageKey) },
        { key: 'as', title: t('ps.fig.assigned'), dataIndex: 'assigned', align: 'right' },
        { key: 'd', title: t('ps.fig.done'), dataIndex: 'done', align: 'right' },
        { key: 'c', title: t('ps.fig.confirmed'), dataIndex: 'confirmed', align: 'right' },
        { key: 'o', title: t('ps.fig.overdue'), dataIndex: 'overdue', align: 'right' },
      ]} />
    </>
  );
}
