import { Alert, Card, Space, Typography } from 'antd';
import { useFileImport } from '../../components/useFileImport.ts';
import { useT } from '../../i18n/context.ts';
import { uploadReturns } from './api.ts';
import { formatYuan } from './format.ts';

/** 回盘导入: the bank's result file; a bad file is refused whole with its row errors. */
export function ReturnsImport({ payrollNo, onImported }: { payrollNo: string; onImported: () => void }) {
  const t = useT();
  const { busy, result, refused, choose } = useFileImport((file) => uploadReturns(payrollNo, file), onImported);
  return (
    <Card title={t('payroll.returns.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('payroll.returns.hint')}</Typography.Text>
        <label>
          {t('payroll.returns.choose')}{' '}
          <input type="file" accept=".xlsx,.csv" disabled={busy} onChange={(e) => void choose(e)} data-testid="payroll-returns-file" />
        </label>
        {result && <Alert type="success" showIcon data-testid="payroll-returns-done" message={t('payroll.returns.done', { paid: result.paid, failed: result.failed, amount: formatYuan(result.reissueFen) })} />}
        {refused && (
          <Alert type="error" showIcon data-testid="payroll-returns-error" message={refused.message}
            description={refused.errors.length > 0 && <ul>{refused.errors.slice(0, 20).map((e) => <li key={`${e.row}-${e.column}`}>{t('payroll.returns.row', { row: e.row, column: e.column, message: e.message })}</li>)}</ul>} />
        )}
      </Space>
    </Card>
  );
}
