import { Table, Typography } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { WorksheetLine } from './api.ts';
import { yuanFromFen } from './format.ts';

type Row = WorksheetLine & { key: number };

/**
 * 计算过程 as a caseworker's worksheet: item, working, amount (元), basis. The server gives amounts on the
 * addends only (they sum to the total); the closing line (合计) shows their sum in bold.
 */
export function WorksheetTable({ lines, testId }: { lines: WorksheetLine[]; testId: string }) {
  const t = useT();
  const addends = lines.filter((l) => l.amountFen !== null);
  const sum = addends.reduce((s, l) => s + (l.amountFen ?? 0), 0);
  const last = lines.length - 1;
  const amount = (l: Row) => {
    if (l.amountFen !== null) return yuanFromFen(l.amountFen);
    return l.key === last && addends.length > 0 ? <Typography.Text strong>{yuanFromFen(sum)}</Typography.Text> : '';
  };
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      pagination={false}
      dataSource={lines.map((l, key) => ({ ...l, key }))}
      columns={[
        { key: 'label', title: t('policy.worksheet.label'), dataIndex: 'label', width: 120 },
        { key: 'expression', title: t('policy.worksheet.expression'), dataIndex: 'expression', width: '38%' },
        { key: 'amount', title: t('policy.worksheet.amount'), align: 'right', width: 110, render: (_, l) => amount(l) },
        { key: 'basis', title: t('policy.worksheet.basis'), dataIndex: 'basis' },
      ]}
    />
  );
}
