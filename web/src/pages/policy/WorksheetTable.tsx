import { Table } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { WorksheetLine } from './api.ts';
import { yuanFromFen } from './format.ts';

/** 计算过程 as a caseworker's worksheet: item, working, amount (元; only the addends of the total), basis. */
export function WorksheetTable({ lines, testId }: { lines: WorksheetLine[]; testId: string }) {
  const t = useT();
  return (
    <Table<WorksheetLine & { key: number }>
      data-testid={testId}
      size="small"
      pagination={false}
      dataSource={lines.map((l, key) => ({ ...l, key }))}
      columns={[
        { key: 'label', title: t('policy.worksheet.label'), dataIndex: 'label', width: 130 },
        { key: 'expression', title: t('policy.worksheet.expression'), dataIndex: 'expression' },
        { key: 'amount', title: t('policy.worksheet.amount'), align: 'right', width: 110, render: (_, l) => (l.amountFen === null ? '' : yuanFromFen(l.amountFen)) },
        { key: 'basis', title: t('policy.worksheet.basis'), dataIndex: 'basis' },
      ]}
    />
  );
}
